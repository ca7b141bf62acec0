import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, StoredFileMissingError } from './storage-key.js';

const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Stored files under one folder of this machine, one file per key (`<root>/documents/2026/05/<uuid>`).
 * Only the owner of the process can read them. A file appears at its final path only complete: the
 * temporary upload is renamed into place, or, from another file system, copied beside it under a
 * name no key can have and then renamed.
 */
export class FilesystemDocumentStorage {
  readonly driver = 'filesystem' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async ready(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: DIRECTORY_MODE });
    await access(this.root, constants.R_OK | constants.W_OK | constants.X_OK);
  }

  async put(key: string, path: string): Promise<void> {
    try {
      const target = this.pathOf(key);
      await mkdir(dirname(target), { recursive: true, mode: DIRECTORY_MODE });
      await chmod(path, FILE_MODE);
      await flush(path);
      try {
        await rename(path, target);
      } catch (error) {
        if (!isErrorCode(error, 'EXDEV')) throw error;
        await copyInto(path, target);
      }
    } finally {
      await rm(path, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) throw new StoredFileMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isErrorCode(error, 'ENOENT')) throw error;
    }
  }

  /** The file of a key; the key's pattern already rules out `..`, the prefix check is a second lock. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, ...key.split('/'));
    const inside = relative(this.root, path);
    if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..'))
      throw new Error(`Storage key escapes the root: ${key}`);
    return path;
  }
}

/** Copies across file systems: the bytes go to a partial file beside the target, flushed, then renamed over it. */
async function copyInto(source: string, target: string): Promise<void> {
  // Keys never contain dots, so this name can never be mistaken for a stored file.
  const partial = join(dirname(target), `.${randomUUID()}.partial`);
  try {
    await copyFile(source, partial, constants.COPYFILE_EXCL);
    await chmod(partial, FILE_MODE);
    await flush(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Forces a file's bytes to disk, so a crash after the rename cannot leave an empty file under the key. */
async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
