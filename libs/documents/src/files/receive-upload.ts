import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
// The multipart methods on the request (request.file, request.isMultipart).
import type {} from '@fastify/multipart';
import { DomainError } from '#platform';

/** A file received to local disk, not yet checked or stored. */
export interface ReceivedFile {
  readonly path: string;
  readonly size: number;
  /** Hex, computed while the bytes streamed by. */
  readonly sha256: string;
  readonly fileName: string;
  /** The first bytes, for the type check. */
  readonly head: Uint8Array;
}

const HEAD_BYTES = 16;

/**
 * Streams the one file of a multipart request to a temporary file under `dir`, hashing it on the
 * way, and never holds more than a chunk in memory. A file over `maxBytes` stops the stream: the
 * partial file is removed and the answer is 413. The caller removes the file when done with it.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number, dir: string): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new DomainError('unsupported_media_type', 'NOT_MULTIPART', 'Send the file as multipart/form-data, in a part named "file".');
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part)
    throw new DomainError('invalid_input', 'FILE_MISSING', 'The request holds no file part.', [{ field: 'file', message: 'required' }]);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  let head = new Uint8Array(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      if (head.length < HEAD_BYTES) head = new Uint8Array(Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]));
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, meter, createWriteStream(path, { mode: 0o600 }));
    if (part.file.truncated) throw tooLarge(maxBytes);
  } catch (error) {
    await rm(path, { force: true });
    if (part.file.truncated || isFileTooLarge(error)) throw tooLarge(maxBytes);
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), fileName: safeFileName(part.filename), head };
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'payload_too_large',
    'FILE_TOO_LARGE',
    `The file is larger than the ${maxBytes} bytes this document allows.`,
    [],
    undefined,
    {
      maxBytes,
    },
  );
}

function isFileTooLarge(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * The name to show and to give back on download: the last path segment, without control
 * characters, at most 200 characters. Never used to build a storage key or a path.
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...clean].slice(0, 200).join('') || 'document';
}
