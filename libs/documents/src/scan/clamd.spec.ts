import { randomBytes } from 'node:crypto';

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLAMD_BINARY, clamdInstalled, startClamd, TEST_SIGNATURE, TEST_VIRUS_MARKER } from '../../../../test/support/clamd.js';
import { parseClamdReply, ScanUnavailableError, scanWithClamd } from './clamd.js';

const MARKER = TEST_VIRUS_MARKER;

interface Received {
  command: string;
  chunks: number[];
  bytes: number;
}

interface FakeOptions {
  /** Accept the connection and read, but never answer. */
  readonly silent?: boolean;
  /** Accept the connection and read nothing at all. */
  readonly stuck?: boolean;
  /** Refuse streams longer than this, answering an error and hanging up, as clamd does past StreamMaxLength. */
  readonly limit?: number;
  /** Answer this instead of a verdict. */
  readonly reply?: string;
}

/**
 * A tiny clamd that speaks zINSTREAM: it decodes the length-prefixed chunks and finds MARKER in the
 * bytes it received, so the test checks the framing, not just that something was sent.
 */
function fakeClamd(options: FakeOptions = {}): { server: Server; received: Received[] } {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    if (options.stuck) {
      socket.pause();
      return;
    }
    const seen: Received = { command: '', chunks: [], bytes: 0 };
    received.push(seen);
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const content: Buffer[] = [];
    socket.on('error', () => undefined);
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        seen.command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
        commandRead = true;
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          if (options.silent) return;
          const infected = Buffer.concat(content).includes(MARKER);
          socket.end(options.reply ?? (infected ? 'stream: Jointcall.Fake.Test FOUND\0' : 'stream: OK\0'));
          return;
        }
        if (buffer.length < 4 + length) return;
        content.push(buffer.subarray(4, 4 + length));
        seen.chunks.push(length);
        seen.bytes += length;
        buffer = buffer.subarray(4 + length);
        if (options.limit !== undefined && seen.bytes > options.limit) {
          socket.end('INSTREAM size limit exceeded. ERROR\0');
          return;
        }
      }
    });
  });
  return { server, received };
}

let work: string;
const servers: Server[] = [];
const connections = new Set<Socket>();

function track(server: Server): void {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jointcall-clamd-'));
});

afterEach(async () => {
  // A fake that stopped reading keeps its connection open; close would wait for it.
  for (const socket of connections) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function listenTcp(server: Server): Promise<{ host: string; port: number }> {
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
}

async function listenUnix(server: Server): Promise<{ socket: string }> {
  track(server);
  const socket = join(work, `clamd-${randomBytes(4).toString('hex')}.sock`);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket };
}

async function file(content: Buffer | string): Promise<string> {
  const path = join(work, `file-${randomBytes(6).toString('hex')}`);
  await writeFile(path, content);
  return path;
}

describe('parseClamdReply', () => {
  it('reads the verdicts and refuses anything else', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ status: 'clean' });
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({ status: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseClamdReply('stream: Heuristics.Encrypted.PDF FOUND')).toEqual({
      status: 'infected',
      signature: 'Heuristics.Encrypted.PDF',
    });
    expect(() => parseClamdReply('INSTREAM size limit exceeded. ERROR\0')).toThrow(ScanUnavailableError);
    expect(() => parseClamdReply('stream: Can not allocate memory ERROR\0')).toThrow(ScanUnavailableError);
    expect(() => parseClamdReply('')).toThrow(ScanUnavailableError);
  });
});

describe('scanWithClamd against a fake clamd', () => {
  it('streams a file in length-prefixed chunks over TCP and reads a clean verdict', async () => {
    const fake = fakeClamd();
    const target = await listenTcp(fake.server);
    const content = randomBytes(300_000);
    expect(await scanWithClamd(await file(content), target, 5000)).toEqual({ status: 'clean' });
    expect(fake.received).toHaveLength(1);
    const [seen] = fake.received;
    expect(seen!.command).toBe('zINSTREAM');
    expect(seen!.bytes).toBe(content.length);
    // Several chunks, none larger than the client's chunk size.
    expect(seen!.chunks.length).toBeGreaterThan(1);
    expect(Math.max(...seen!.chunks)).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads an infected verdict over a unix socket, with the marker across chunk boundaries', async () => {
    const fake = fakeClamd();
    const target = await listenUnix(fake.server);
    const content = Buffer.concat([randomBytes(64 * 1024 - 7), Buffer.from(MARKER), randomBytes(1000)]);
    expect(await scanWithClamd(await file(content), target, 5000)).toEqual({ status: 'infected', signature: 'Jointcall.Fake.Test' });
  });

  it('scans an empty file', async () => {
    const fake = fakeClamd();
    const target = await listenTcp(fake.server);
    expect(await scanWithClamd(await file(''), target, 5000)).toEqual({ status: 'clean' });
    expect(fake.received[0]!.chunks).toEqual([]);
  });

  it('gives up after the timeout when clamd never answers', async () => {
    const target = await listenTcp(fakeClamd({ silent: true }).server);
    const started = Date.now();
    await expect(scanWithClamd(await file('hello'), target, 300)).rejects.toThrow(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up after the timeout when clamd stops reading in the middle of a large file', async () => {
    const target = await listenUnix(fakeClamd({ stuck: true }).server);
    await expect(scanWithClamd(await file(randomBytes(20 * 1024 * 1024)), target, 500)).rejects.toThrow(ScanUnavailableError);
  });

  it('reports an error answer, also one sent before the whole file was read, as unavailable', async () => {
    const limited = await listenTcp(fakeClamd({ limit: 100_000 }).server);
    await expect(scanWithClamd(await file(randomBytes(2 * 1024 * 1024)), limited, 5000)).rejects.toThrow(
      /INSTREAM size limit exceeded\. ERROR/,
    );
    const failing = await listenTcp(fakeClamd({ reply: 'stream: Can not allocate memory ERROR\0' }).server);
    await expect(scanWithClamd(await file('hello'), failing, 5000)).rejects.toThrow(ScanUnavailableError);
  });

  it('reports a clamd that is not there as unavailable, and a missing file as itself', async () => {
    const path = await file('hello');
    await expect(scanWithClamd(path, { socket: join(work, 'no-such.sock') }, 5000)).rejects.toThrow(ScanUnavailableError);
    // A port that was free a moment ago: nothing listens there now.
    const vacated = createServer();
    await new Promise<void>((resolve) => vacated.listen(0, '127.0.0.1', resolve));
    const closed = { host: '127.0.0.1', port: (vacated.address() as AddressInfo).port };
    await new Promise((resolve) => vacated.close(resolve));
    await expect(scanWithClamd(path, closed, 5000)).rejects.toThrow(ScanUnavailableError);
    await expect(scanWithClamd(join(work, 'no-such-file'), closed, 5000)).rejects.toThrow(/ENOENT/);
  });
});

describe.skipIf(!clamdInstalled())(`scanWithClamd against a real clamd (skipped: ${CLAMD_BINARY} is not installed)`, () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;

  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(() => clamd?.close());

  it('finds the test signature and passes a clean file', async () => {
    const target = { socket: clamd.socket };
    const infected = await file(Buffer.concat([randomBytes(100_000), Buffer.from(`... ${TEST_VIRUS_MARKER} ...`), randomBytes(100_000)]));
    expect(await scanWithClamd(infected, target, 30_000)).toEqual({ status: 'infected', signature: TEST_SIGNATURE });
    expect(await scanWithClamd(await file(randomBytes(500_000)), target, 30_000)).toEqual({ status: 'clean' });
  });
});
