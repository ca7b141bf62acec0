import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStorageSettings } from '#platform';
import { startS3Server } from '../../../../test/support/s3-server.js';
import {
  createDocumentStorage,
  InvalidStorageKeyError,
  newStorageKey,
  STORAGE_KEY_PATTERN,
  StoredFileMissingError,
  type DocumentStorage,
} from './document-storage.js';

interface Backend {
  readonly settings: DocumentStorageSettings;
  close(): Promise<void>;
}

async function filesystemBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'jointcall-documents-'));
  return { settings: { driver: 'filesystem', root: join(dir, 'documents') }, close: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a temporary upload of `size` random bytes, as the multipart parser would leave it; answers its path and hash. */
async function upload(dir: string, size: number): Promise<{ path: string; sha256: string; size: number }> {
  const bytes = randomBytes(size);
  const path = join(dir, `upload-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size };
}

async function sha256Of(storage: DocumentStorage, key: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const stream = await storage.open(key);
  stream.on('data', (chunk: Buffer) => (size += chunk.length));
  await pipeline(stream, hash);
  return { sha256: hash.digest('hex'), size };
}

const PDF = 'application/pdf';

describe.each([
  { driver: 'filesystem', start: filesystemBackend },
  { driver: 's3', start: startS3Server },
])('$driver document storage', ({ driver, start }) => {
  let backend: Backend;
  let storage: DocumentStorage;
  let uploads: string;

  beforeAll(async () => {
    backend = await start();
    storage = createDocumentStorage(backend.settings);
    await storage.ready();
    uploads = await mkdtemp(join(tmpdir(), 'jointcall-uploads-'));
  });

  afterAll(async () => {
    await backend?.close();
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });

  it('is the configured driver', () => {
    expect(storage.driver).toBe(driver);
  });

  it('streams a stored file of a few MB back byte for byte, and consumes the temporary file', async () => {
    // Above 5 MiB, so S3 takes it as a multipart upload.
    const file = await upload(uploads, 6 * 1024 * 1024 + 123);
    const key = newStorageKey();
    await storage.put(key, file.path, { size: file.size, mediaType: PDF, sha256: file.sha256 });
    expect(existsSync(file.path)).toBe(false);
    expect(await sha256Of(storage, key)).toEqual({ sha256: file.sha256, size: file.size });
  });

  it('stores small and empty files too', async () => {
    for (const size of [0, 1, 1000]) {
      const file = await upload(uploads, size);
      const key = newStorageKey();
      await storage.put(key, file.path, { size, mediaType: PDF, sha256: file.sha256 });
      expect(await sha256Of(storage, key)).toEqual({ sha256: file.sha256, size });
    }
  });

  it('consumes the temporary file also when storing fails', async () => {
    const file = await upload(uploads, 1000);
    await expect(
      storage.put('documents/../../escape', file.path, { size: file.size, mediaType: PDF, sha256: file.sha256 }),
    ).rejects.toThrow(InvalidStorageKeyError);
    expect(existsSync(file.path)).toBe(false);
  });

  it('reports a key that was never stored as a missing file', async () => {
    await expect(storage.open(newStorageKey())).rejects.toThrow(StoredFileMissingError);
  });

  it('deletes a stored file, and deleting it again is no error', async () => {
    const file = await upload(uploads, 2000);
    const key = newStorageKey();
    await storage.put(key, file.path, { size: file.size, mediaType: PDF, sha256: file.sha256 });
    await storage.delete(key);
    await expect(storage.open(key)).rejects.toThrow(StoredFileMissingError);
    await storage.delete(key);
    await storage.delete(newStorageKey());
  });

  it('refuses keys outside the key pattern before touching the storage', async () => {
    for (const key of [
      '../outside',
      'documents/../../etc/passwd',
      'Documents/A',
      'documents/a.pdf',
      '/documents/a',
      'documents//a',
      'a b',
      'documents/é',
      '',
    ]) {
      await expect(storage.open(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    }
  });
});

describe('filesystem document storage', () => {
  let backend: Backend;
  let root: string;
  let storage: DocumentStorage;

  beforeAll(async () => {
    backend = await filesystemBackend();
    if (backend.settings.driver !== 'filesystem') throw new Error('expected a folder');
    root = backend.settings.root;
    storage = createDocumentStorage(backend.settings);
    await storage.ready();
  });

  afterAll(() => backend?.close());

  it('creates its folder at start-up, readable by the owner only', () => {
    expect(statSync(root).mode & 0o777).toBe(0o700);
  });

  it('keeps each file under its key, owner-only, with nothing else left beside it', async () => {
    const file = await upload(root, 100);
    const key = newStorageKey();
    await storage.put(key, file.path, { size: file.size, mediaType: PDF, sha256: file.sha256 });
    const stored = join(root, ...key.split('/'));
    expect(statSync(stored).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(stored)).mode & 0o777).toBe(0o700);
    expect(await readdir(dirname(stored))).toContain(key.split('/').at(-1));
    expect((await readdir(dirname(stored))).filter((name) => !STORAGE_KEY_PATTERN.test(name))).toEqual([]);
  });

  // /dev/shm is a tmpfs on Linux: a rename from there into the root fails with EXDEV, and the file is copied.
  const otherFileSystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otherFileSystem)('copies a temporary file from another file system, then removes it', async () => {
    const shm = await mkdtemp('/dev/shm/jointcall-uploads-');
    try {
      const file = await upload(shm, 300_000);
      const key = newStorageKey();
      await storage.put(key, file.path, { size: file.size, mediaType: PDF, sha256: file.sha256 });
      expect(existsSync(file.path)).toBe(false);
      expect(await sha256Of(storage, key)).toEqual({ sha256: file.sha256, size: file.size });
      const stored = join(root, ...key.split('/'));
      expect(statSync(stored).mode & 0o777).toBe(0o600);
      // Only stored files (named like keys) beside it: no partial copy left over.
      expect((await readdir(dirname(stored))).filter((name) => !STORAGE_KEY_PATTERN.test(name))).toEqual([]);
    } finally {
      await rm(shm, { recursive: true, force: true });
    }
  });
});

describe('s3 document storage at start-up', () => {
  it('creates a missing bucket only when told to', async () => {
    const server = await startS3Server();
    try {
      if (server.settings.driver !== 's3') throw new Error('expected a bucket');
      const missing = { ...server.settings, bucket: 'jointcall-created' };
      await expect(createDocumentStorage({ ...missing, createBucket: false }).ready()).rejects.toThrow(
        /document bucket "jointcall-created" does not exist/,
      );
      const storage = createDocumentStorage({ ...missing, createBucket: true });
      await storage.ready();
      await storage.ready();
      await expect(storage.open(newStorageKey())).rejects.toThrow(StoredFileMissingError);
    } finally {
      await server.close();
    }
  });
});

describe('newStorageKey', () => {
  it('answers unique random keys under the month of the upload', () => {
    const keys = Array.from({ length: 1000 }, () => newStorageKey());
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(STORAGE_KEY_PATTERN);
    expect(newStorageKey(new Date('2026-03-31T23:59:59Z'))).toMatch(
      /^documents\/2026\/03\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
