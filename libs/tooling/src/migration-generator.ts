import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { runMigrations, withDataSource } from '#platform';

export interface GeneratedMigration {
  readonly file: string;
  readonly className: string;
  readonly upQueries: number;
}

/**
 * Compares the entities with the schema the existing migrations build, in a scratch database on the
 * same server, and writes the difference as a new migration (with `down`) into `directory`,
 * registering it in the directory's index.ts. Answers undefined when there is nothing to migrate.
 */
export async function generateMigration(
  options: DataSourceOptions & { url: string },
  name: string,
  directory: string,
  now: Date,
): Promise<GeneratedMigration | undefined> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('The migration name must be PascalCase, e.g. AddUserLanguage');
  const scratch = `jointcall_migration_scratch_${now.getTime()}`;
  const scratchUrl = withDatabase(options.url, scratch);
  await adminQuery(options.url, `CREATE DATABASE "${scratch}"`);
  try {
    const scratchOptions = { ...options, url: scratchUrl } as DataSourceOptions;
    await runMigrations(scratchOptions);
    const sql = await withDataSource(scratchOptions, (dataSource) => dataSource.driver.createSchemaBuilder().log());
    if (sql.upQueries.length === 0) return undefined;
    const timestamp = now.getTime();
    const className = `${name}${timestamp}`;
    const file = join(directory, `${timestamp}-${name}.ts`);
    const statement = (q: { query: string; parameters?: unknown[] }): string =>
      `    await queryRunner.query(${sqlLiteral(q.query)}${q.parameters && q.parameters.length > 0 ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    await writeFile(
      file,
      [
        "import type { MigrationInterface, QueryRunner } from 'typeorm';",
        '',
        `export class ${className} implements MigrationInterface {`,
        `  name = '${className}';`,
        '',
        '  async up(queryRunner: QueryRunner): Promise<void> {',
        ...sql.upQueries.map(statement),
        '  }',
        '',
        '  async down(queryRunner: QueryRunner): Promise<void> {',
        ...[...sql.downQueries].reverse().map(statement),
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    await register(join(directory, 'index.ts'), className, `./${timestamp}-${name}.js`);
    await formatIfPossible([file, join(directory, 'index.ts')]);
    return { file, className, upQueries: sql.upQueries.length };
  } finally {
    await adminQuery(options.url, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  }
}

/** Adds the import and the array entry to migrations/index.ts, keeping the list in order. */
async function register(indexFile: string, className: string, importPath: string): Promise<void> {
  const source = await readFile(indexFile, 'utf8');
  const entries = [...source.matchAll(/^import \{ (\w+) \} from '(.+)';$/gm)].map((m) => ({ className: m[1], path: m[2] }));
  entries.push({ className, path: importPath });
  const doc = source.match(/\/\*\*[\s\S]*?\*\/\n/)?.[0] ?? '';
  await writeFile(
    indexFile,
    [
      ...entries.map((e) => `import { ${e.className} } from '${e.path}';`),
      '',
      `${doc}export const migrations = [${entries.map((e) => `\n  ${e.className},`).join('')}\n];`,
      '',
    ].join('\n'),
  );
}

/** Prettier is a development tool: generated files are formatted when it is installed. */
async function formatIfPossible(files: readonly string[]): Promise<void> {
  const prettier = await import('prettier').catch(() => undefined);
  if (prettier === undefined) return;
  for (const file of files) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    await writeFile(file, await prettier.format(await readFile(file, 'utf8'), { ...options, filepath: file }));
  }
}

/** SQL as a template literal, so the migration reads like SQL. */
function sqlLiteral(sql: string): string {
  return `\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
