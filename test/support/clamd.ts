import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's clamd; the scanning tests run where it is installed (CI installs it) and are skipped elsewhere. */
export const CLAMD_BINARY = '/usr/sbin/clamd';
export const clamdInstalled = (): boolean => existsSync(CLAMD_BINARY);

/** Text that the test signature finds in any file: a stand-in for malware that harms nothing. */
export const TEST_VIRUS_MARKER = 'jointcall-test-virus';
export const TEST_SIGNATURE = 'JointcallTestSignature.UNOFFICIAL';

/**
 * A clamd of the test's own, on a unix socket in a temporary folder, with one custom signature
 * instead of the official databases (nothing to download).
 */
export async function startClamd(): Promise<{ readonly socket: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jointcall-clamd-'));
  const databases = join(dir, 'db');
  await mkdir(databases);
  await writeFile(join(databases, 'test.ndb'), `JointcallTestSignature:0:*:${Buffer.from(TEST_VIRUS_MARKER).toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  const config = join(dir, 'clamd.conf');
  await writeFile(
    config,
    [`Foreground yes`, `LocalSocket ${socket}`, `DatabaseDirectory ${databases}`, `TemporaryDirectory ${dir}`, `LogSyslog no`].join('\n') +
      '\n',
  );
  const clamd = spawn(CLAMD_BINARY, [`--config-file=${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  clamd.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  clamd.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  await waitForPong(socket, clamd, () => output);
  return {
    socket,
    async close() {
      if (clamd.exitCode === null) {
        const exited = new Promise((resolve) => clamd.once('exit', resolve));
        clamd.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until clamd has loaded its databases and answers PING on its socket. */
async function waitForPong(socket: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode}:\n${output()}`);
    if (existsSync(socket) && (await ping(socket))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`clamd did not answer PING within 60 s:\n${output()}`);
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = createConnection({ path: socket });
    let answer = '';
    connection.on('data', (data: Buffer) => (answer += data.toString()));
    connection.on('error', () => resolve(false));
    connection.on('close', () => resolve(answer.startsWith('PONG')));
    connection.end('zPING\0');
  });
}
