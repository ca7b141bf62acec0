import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LaggingReads, readAll } from './lagging-reads.js';

type Answer = (sql: string, parameters?: unknown[]) => unknown;

/** A data source whose primary and replica answer what the test says, recording where each statement ran. */
function fakeDatabase(options: { replicated: boolean; replica?: Answer }) {
  const ran: string[] = [];
  let released = 0;
  const primary = {
    query: (sql: string) => {
      ran.push(`primary: ${sql}`);
      return Promise.resolve([{ on: 'primary' }]);
    },
  };
  const db = {
    driver: { isReplicated: options.replicated },
    manager: primary,
    createQueryRunner: (mode: string) => {
      expect(mode).toBe('slave');
      const runner = {
        release: () => {
          released++;
          return Promise.resolve();
        },
      };
      const manager = {
        queryRunner: runner,
        query: (sql: string, parameters?: unknown[]) => {
          ran.push(`replica: ${sql}`);
          // What the answer throws rejects the promise, like a failed query.
          return new Promise((resolve) => resolve((options.replica ?? (() => [{ on: 'replica' }]))(sql, parameters)));
        },
      };
      return Object.assign(runner, { manager });
    },
  } as unknown as DataSource;
  return { db, ran, released: () => released };
}

const read = (manager: EntityManager) => manager.query<{ on: string }[]>('SELECT 1');
const connectionRefused = () => {
  throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
};

describe('LaggingReads', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('reads from the pool as before when no replica is configured', async () => {
    const { db, ran } = fakeDatabase({ replicated: false });
    const reads = new LaggingReads(db);
    expect(reads.replicated).toBe(false);
    expect(await reads.run({ lastWriteLsn: '0/10' }, read)).toEqual([{ on: 'primary' }]);
    expect(ran).toEqual(['primary: SELECT 1']);
  });

  it('reads from a replica, and releases its connection', async () => {
    const { db, ran, released } = fakeDatabase({ replicated: true });
    expect(await new LaggingReads(db).run(null, read)).toEqual([{ on: 'replica' }]);
    expect(ran).toEqual(['replica: SELECT 1']);
    expect(released()).toBe(1);
  });

  it("reads a writer's reads from the replica only once it has replayed their last write", async () => {
    let caughtUp: boolean | null = false;
    const { db, ran, released } = fakeDatabase({
      replicated: true,
      replica: (sql, parameters) => {
        if (sql.includes('pg_last_wal_replay_lsn')) {
          expect(parameters).toEqual(['0/3000148']);
          return [{ caught_up: caughtUp }];
        }
        return [{ on: 'replica' }];
      },
    });
    const reads = new LaggingReads(db);
    expect(await reads.run({ lastWriteLsn: '0/3000148' }, read)).toEqual([{ on: 'primary' }]);
    caughtUp = null;
    expect(await reads.run({ lastWriteLsn: '0/3000148' }, read)).toEqual([{ on: 'primary' }]);
    caughtUp = true;
    expect(await reads.run({ lastWriteLsn: '0/3000148' }, read)).toEqual([{ on: 'replica' }]);
    expect(await reads.run({ lastWriteLsn: null }, read)).toEqual([{ on: 'replica' }]);
    expect(ran.filter((line) => line.endsWith('SELECT 1'))).toEqual([
      'primary: SELECT 1',
      'primary: SELECT 1',
      'replica: SELECT 1',
      'replica: SELECT 1',
    ]);
    expect(released()).toBe(4);
  });

  it('moves to the primary at once when the replica cannot be reached, and leaves the replica alone for a while', async () => {
    const { db, ran, released } = fakeDatabase({ replicated: true, replica: connectionRefused });
    const reads = new LaggingReads(db);
    expect(await reads.run(null, read)).toEqual([{ on: 'primary' }]);
    expect(await reads.run(null, read)).toEqual([{ on: 'primary' }]);
    expect(ran).toEqual(['replica: SELECT 1', 'primary: SELECT 1', 'primary: SELECT 1']);
    expect(released()).toBe(1);
  });

  it('moves a read the replica cancelled for its replay to the primary, without leaving the replica', async () => {
    let conflict = true;
    const { db, ran } = fakeDatabase({
      replicated: true,
      replica: () => {
        if (conflict)
          throw Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001', severity: 'ERROR' });
        return [{ on: 'replica' }];
      },
    });
    const reads = new LaggingReads(db);
    expect(await reads.run(null, read)).toEqual([{ on: 'primary' }]);
    conflict = false;
    expect(await reads.run(null, read)).toEqual([{ on: 'replica' }]);
    expect(ran).toEqual(['replica: SELECT 1', 'primary: SELECT 1', 'replica: SELECT 1']);
  });

  it('raises the errors the primary would raise too, without retrying them there', async () => {
    const { db, ran, released } = fakeDatabase({
      replicated: true,
      replica: () => {
        throw Object.assign(new Error('relation "nope" does not exist'), { code: '42P01', severity: 'ERROR' });
      },
    });
    await expect(new LaggingReads(db).run(null, read)).rejects.toThrow(/nope/);
    expect(ran).toEqual(['replica: SELECT 1']);
    expect(released()).toBe(1);
  });
});

describe('readAll', () => {
  it('runs reads at once on the pool and one after the other on one connection', async () => {
    const order: string[] = [];
    const slow = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        order.push(`start ${name}`);
        setTimeout(() => {
          order.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    expect(await readAll({} as EntityManager, [slow('a', 20), slow('b', 1)])).toEqual(['a', 'b']);
    expect(order.splice(0)).toEqual(['start a', 'start b', 'end b', 'end a']);
    expect(await readAll({ queryRunner: {} } as EntityManager, [slow('a', 20), slow('b', 1)])).toEqual(['a', 'b']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
