import { open } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import type { ClamdTarget } from '#platform';

export type ScanResult = { readonly status: 'clean' } | { readonly status: 'infected'; readonly signature: string };

/**
 * clamd could not give a verdict: not reachable, too slow, or it answered with an error (a file over
 * its StreamMaxLength, for one). Not a verdict on the file: the caller keeps it pending and scans it
 * again later.
 */
export class ScanUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScanUnavailableError';
  }
}

/** Bytes per INSTREAM chunk; far below clamd's StreamMaxLength (25 MB by default), which bounds one chunk too. */
const CHUNK_BYTES = 64 * 1024;
const TERMINATOR = Buffer.alloc(4);

/**
 * Scans a local file with clamd's zINSTREAM command: the file goes over the socket in chunks, each
 * preceded by its length (4 bytes, big-endian), ended by a zero length, so clamd needs no access to
 * our files and the file is never held whole in memory. The whole scan, connection included, must
 * finish within `timeoutMs`.
 */
export async function scanWithClamd(path: string, target: ClamdTarget, timeoutMs: number): Promise<ScanResult> {
  // A missing or unreadable file is the caller's problem, not clamd's: it fails before any connection.
  const file = await open(path, 'r');
  const socket = 'socket' in target ? connect({ path: target.socket }) : connect({ host: target.host, port: target.port });
  const timer = setTimeout(
    () => socket.destroy(new ScanUnavailableError(`clamd (${describeTarget(target)}) gave no answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const reply = readReply(socket, target);
  // Awaited below; until then a failure must not count as unhandled.
  reply.catch(() => undefined);
  try {
    try {
      await write(socket, Buffer.from('zINSTREAM\0'));
      for await (const chunk of file.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
        const bytes = chunk as Buffer;
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        await write(socket, Buffer.concat([length, bytes]));
      }
      await write(socket, TERMINATOR);
    } catch (error) {
      // clamd answers and hangs up early when the stream exceeds its limit: its answer says why.
      const early = await reply.catch(() => undefined);
      if (early !== undefined) return parseClamdReply(early);
      throw unavailable(error, target);
    }
    return parseClamdReply(await reply.catch((error: unknown) => Promise.reject(unavailable(error, target))));
  } finally {
    clearTimeout(timer);
    socket.destroy();
    await file.close();
  }
}

/**
 * Reads clamd's answer to a z-command: `stream: OK`, `stream: <signature> FOUND`, or something
 * ending in ERROR. Anything but a verdict is ScanUnavailableError.
 */
export function parseClamdReply(reply: string): ScanResult {
  const text = reply.replace(/\0+$/, '').trim();
  if (text === 'stream: OK') return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { status: 'infected', signature: found[1]! };
  throw new ScanUnavailableError(`clamd answered "${text.slice(0, 200)}"`);
}

/** Collects the answer up to its terminating NUL (or until clamd closes the connection). */
function readReply(socket: Socket, target: ClamdTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString('utf8');
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (chunk.includes(0)) resolve(text());
    });
    socket.on('error', (error) => reject(unavailable(error, target)));
    socket.on('close', () => {
      if (chunks.length > 0) resolve(text());
      else reject(new ScanUnavailableError(`clamd (${describeTarget(target)}) closed the connection without an answer`));
    });
  });
}

/** Writes and waits until the bytes are handed to the system, so a slow clamd slows the reading of the file. */
function write(socket: Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(bytes, (error) => (error ? reject(error) : resolve())));
}

function unavailable(error: unknown, target: ClamdTarget): ScanUnavailableError {
  if (error instanceof ScanUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ScanUnavailableError(`clamd (${describeTarget(target)}) is not available: ${reason}`, { cause: error });
}

function describeTarget(target: ClamdTarget): string {
  return 'socket' in target ? target.socket : `${target.host}:${target.port}`;
}
