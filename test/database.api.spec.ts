import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataSourceOptions, revertLastMigration, runMigrations, withDataSource } from '#platform';
import { callStatusSql } from '#calls';
import { entities, migrations } from '#schema';
import { runSeeds } from '../seeds/index.js';
import { cloneDatabase } from './support/databases.js';

describe('schema and seeds', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let options: ReturnType<typeof dataSourceOptions>;

  beforeAll(async () => {
    database = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
    options = dataSourceOptions({ url: database.url, poolSize: 3, connectTimeoutMs: 5000, applicationName: 'test', entities, migrations });
  });
  afterAll(() => database.drop());

  it('the migrations build exactly the schema the entities describe', async () => {
    const pending = await withDataSource(options, (dataSource) => dataSource.driver.createSchemaBuilder().log());
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every migration reverts cleanly and applies again', async () => {
    const tables = (dataSource: DataSource) =>
      dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
      );
    const before = await withDataSource(options, tables);
    expect(before.length).toBeGreaterThan(0);
    const reverted: string[] = [];
    for (let name = await revertLastMigration(options); name !== undefined; name = await revertLastMigration(options)) reverted.push(name);
    expect(reverted).toHaveLength(migrations.length);
    expect(await withDataSource(options, tables)).toEqual([]);
    expect(await runMigrations(options)).toHaveLength(migrations.length);
    expect(await withDataSource(options, tables)).toEqual(before);
    expect(await runMigrations(options)).toEqual([]);
  });

  it('loading the seeds twice changes nothing the second time', async () => {
    const tables = [
      'organisations',
      'users',
      'programs',
      'calls',
      'call_agencies',
      'call_tracks',
      'call_criteria',
      'call_fields',
      'applications',
      'application_sides',
      'application_members',
      'application_events',
    ];
    // Same rows, and not even rewritten: xmin (the transaction that wrote a row) stays the same.
    const fingerprint = (dataSource: DataSource) =>
      Promise.all(
        tables.map(async (table) => {
          const [row] = await dataSource.query<{ rows: number; digest: string }[]>(
            `SELECT count(*)::int AS rows, md5(string_agg(xmin::text || ':' || t::text, ',' ORDER BY t::text)) AS digest FROM ${table} t`,
          );
          return { table, ...row };
        }),
      );
    const now = new Date('2026-11-22T05:00:00Z');
    const first = await withDataSource(options, (dataSource) => runSeeds(dataSource, now));
    expect(first.changed['organisations']).toBeGreaterThanOrEqual(13);
    expect(first.changed['calls']).toBeGreaterThanOrEqual(7);
    expect(first.changed['applications']).toBe(8);
    const afterFirst = await withDataSource(options, fingerprint);
    const second = await withDataSource(options, (dataSource) => runSeeds(dataSource, now));
    expect(second.changed).toEqual(Object.fromEntries(Object.keys(first.changed).map((table) => [table, 0])));
    expect(await withDataSource(options, fingerprint)).toEqual(afterFirst);
  });

  it('the demo always shows an announced, an open and a closed call, whatever the month', async () => {
    for (const now of [new Date('2026-11-30T23:00:00Z'), new Date('2027-06-01T00:00:00Z')]) {
      const statuses = await withDataSource(options, async (dataSource) => {
        await runSeeds(dataSource, now);
        const rows = await dataSource.query<{ status: string }[]>(
          `SELECT ${callStatusSql('c', '$1::timestamptz')} AS status FROM calls c`,
          [now],
        );
        return new Set(rows.map((row) => row.status));
      });
      for (const status of ['announced', 'open', 'closed', 'decided']) expect(statuses, now.toISOString()).toContain(status);
    }
  });

  it('gives each test file a database of its own', async () => {
    const other = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
    try {
      const count = (url: string) =>
        withDataSource(
          { ...options, url } as typeof options,
          async (dataSource) => (await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM organisations'))[0]?.n,
        );
      await withDataSource(options, runSeeds);
      expect(await count(database.url)).toBeGreaterThan(0);
      expect(await count(other.url)).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
