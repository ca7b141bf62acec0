import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { embeddedTransport, embeddedUrl, socketPathLimit } from './embedded-postgres.js';

/** An absolute directory whose socket file `.s.PGSQL.<port>` is exactly `bytes` long. */
function directoryFor(bytes: number, port: number): string {
  const file = `/.s.PGSQL.${port}`;
  return `/${'d'.repeat(bytes - file.length - 1)}`;
}

describe('embeddedTransport', () => {
  it('takes the socket on Linux and macOS when its path fits', () => {
    expect(embeddedTransport('linux', '/srv/jointcall/.data/socket', 54321)).toEqual({
      kind: 'socket',
      directory: '/srv/jointcall/.data/socket',
    });
    expect(embeddedTransport('darwin', '/Users/ada/jointcall/.data/socket', 5432)).toEqual({
      kind: 'socket',
      directory: '/Users/ada/jointcall/.data/socket',
    });
  });

  it('keeps TCP on Windows, whatever the path', () => {
    expect(embeddedTransport('win32', '/srv/socket', 5432)).toMatchObject({ kind: 'tcp', reason: expect.stringMatching(/Windows/) });
  });

  it('keeps TCP when the socket file would be longer than the OS allows: 107 bytes on Linux, 103 on macOS', () => {
    expect(socketPathLimit('linux')).toBe(107);
    expect(socketPathLimit('darwin')).toBe(103);
    expect(embeddedTransport('linux', directoryFor(107, 54321), 54321).kind).toBe('socket');
    expect(embeddedTransport('linux', directoryFor(108, 54321), 54321)).toMatchObject({
      kind: 'tcp',
      reason: expect.stringMatching(/108 bytes, more than the 107/),
    });
    expect(embeddedTransport('darwin', directoryFor(103, 5432), 5432).kind).toBe('socket');
    expect(embeddedTransport('darwin', directoryFor(104, 5432), 5432).kind).toBe('tcp');
    // The port's digits are part of the path.
    const edge = directoryFor(107, 5432);
    expect(embeddedTransport('linux', edge, 5432).kind).toBe('socket');
    expect(embeddedTransport('linux', edge, 54321).kind).toBe('tcp');
  });

  it('counts bytes, not characters', () => {
    // 1 + 2 × 46 + 14 = 107 bytes in 61 characters.
    expect(embeddedTransport('linux', `/${'é'.repeat(46)}`, 5432).kind).toBe('socket');
    expect(embeddedTransport('linux', `/${'é'.repeat(47)}`, 5432).kind).toBe('tcp');
  });

  it('keeps TCP for a relative directory', () => {
    expect(embeddedTransport('linux', '.data/socket', 5432).kind).toBe('tcp');
  });
});

/** Where a node-postgres client given this URL would connect, as TypeORM's pool passes it (connectionString). */
function target(url: string) {
  const client = new pg.Client({ connectionString: url, host: '127.0.0.1' });
  return { host: client.host, port: client.port, database: client.database, password: client.password };
}

describe('embeddedUrl', () => {
  it('names 127.0.0.1 and the port, and over the socket its directory as host=, which node-postgres takes over the host TypeORM passes', () => {
    const tcp = embeddedUrl({ password: 'p/w+=', port: 54321, database: 'jointcall' });
    expect(tcp).toBe('postgres://postgres:p%2Fw%2B%3D@127.0.0.1:54321/jointcall');
    expect(target(tcp)).toEqual({ host: '127.0.0.1', port: 54321, database: 'jointcall', password: 'p/w+=' });

    const socket = embeddedUrl({ password: 'p/w+=', port: 54321, database: 'jointcall', socketDirectory: '/srv/a b&c/socket' });
    expect(socket).toBe('postgres://postgres:p%2Fw%2B%3D@127.0.0.1:54321/jointcall?host=/srv/a%20b%26c/socket');
    expect(target(socket)).toEqual({ host: '/srv/a b&c/socket', port: 54321, database: 'jointcall', password: 'p/w+=' });
  });
});
