import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { DocumentStorageSettings } from '#platform';

export interface S3Server {
  /** The variables that point jointcall at this server. */
  readonly env: Record<string, string>;
  /** The same, as loadConfig would read them. */
  readonly settings: DocumentStorageSettings;
  close(): Promise<void>;
}

const BUCKET = 'jointcall-test';
/** s3rver accepts only these credentials (and checks the requests' signatures with them). */
const CREDENTIALS = 'S3RVER';

/** A real S3 API (s3rver) on a free local port, storing in a fresh temporary folder, with one empty bucket. */
export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'jointcall-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    DOCUMENT_STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: CREDENTIALS,
    S3_SECRET_ACCESS_KEY: CREDENTIALS,
    S3_FORCE_PATH_STYLE: 'true',
  };
  const settings: DocumentStorageSettings = {
    driver: 's3',
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    accessKeyId: CREDENTIALS,
    secretAccessKey: CREDENTIALS,
    createBucket: false,
  };
  return {
    env,
    settings,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
