import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '#platform';

export interface TestServer {
  /** A URL on the server with rights to create databases. */
  readonly adminUrl: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the API tests run on: DATABASE_URL when set, otherwise a throwaway embedded
 * server in a temporary folder (durability settings off: its data is discarded after the run).
 */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env['DATABASE_URL']?.trim();
  if (external) return { adminUrl: external, embedded: false, stop: () => Promise.resolve() };
  const dataDir = await mkdtemp(join(tmpdir(), 'jointcall-test-'));
  await chmod(dataDir, 0o755);
  const server = new EmbeddedPostgres({
    dataDir,
    database: 'postgres',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  const adminUrl = await server.start();
  return {
    adminUrl,
    embedded: true,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
