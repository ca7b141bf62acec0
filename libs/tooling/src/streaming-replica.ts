import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, copyFile, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EmbeddedPostgres, embeddedServerUser, type RunAs } from '#platform';

export interface StreamingReplicaOptions {
  /**
   * Superuser URL of the primary: a PostgreSQL 15 or newer on this machine (its data directory is
   * copied as files), such as the URL an EmbeddedPostgres answers. Its database is the one the
   * replica's URL names, unless `database` says otherwise.
   */
  readonly primaryUrl: string;
  /** The primary's data directory (the cluster itself); asked from the primary (`data_directory`) when absent. */
  readonly primaryDataDir?: string;
  /**
   * Folder of the replica, laid out like an EmbeddedPostgres dataDir (the cluster goes to
   * `postgres/` inside it). It must not hold a cluster yet.
   */
  readonly dataDir: string;
  /** Database named by the answered URL; the primary URL's by default. */
  readonly database?: string;
  /** Physical replication slot on the primary (lower-case letters, digits, underscores); derived from dataDir by default. */
  readonly slotName?: string;
  /**
   * Server settings of the replica (`-c name=value`). The primary's max_connections,
   * max_worker_processes, max_wal_senders, max_prepared_transactions and max_locks_per_transaction
   * are carried over first, since a hot standby may not have less of them.
   */
  readonly settings?: Readonly<Record<string, string>>;
  /** How long the replica may take to start and replay up to the primary's position; 60 s by default. */
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

export interface StreamingReplica {
  /** Connection URL (user postgres) of the replica's copy of the database: read-only, hot standby. */
  readonly url: string;
  /** The slot on the primary that keeps the WAL this replica has not received yet. */
  readonly slotName: string;
  /** Stops the replica's server. Its slot stays, so the primary keeps the WAL a later start() needs. */
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same port when it is free; it catches up through its slot. Answers its URL. */
  start(): Promise<string>;
  /** Stops it and drops its slot on the primary (which must be running), so the primary stops keeping WAL for it. The files stay. */
  discard(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Settings a hot standby must have at least as much of as its primary. */
const STANDBY_MINIMUMS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

/**
 * A streaming replica of a local PostgreSQL, made without pg_basebackup (the embedded binaries
 * ship only initdb, pg_ctl and postgres) by PostgreSQL's documented low-level base backup:
 * a physical replication slot on the primary (so it keeps the WAL from now on),
 * `pg_backup_start(label, fast => true)`, a copy of the data directory without what the
 * documentation says to leave out, `pg_backup_stop()` on the same connection, its label file
 * written as backup_label, then standby.signal and primary_conninfo / primary_slot_name. The copy
 * starts as an EmbeddedPostgres on a port of its own (as the same system user as the primary),
 * and this answers once it accepts connections and has replayed up to the primary's position.
 *
 * The primary's pg_hba.conf must let its superuser replicate over 127.0.0.1 (initdb's default
 * does); a line is added, and the configuration reloaded, when it does not.
 */
export async function createStreamingReplica(options: StreamingReplicaOptions): Promise<StreamingReplica> {
  const log = options.log ?? (() => undefined);
  const primary = new URL(options.primaryUrl);
  const database = options.database ?? (decodeURIComponent(primary.pathname.replace(/^\//, '')) || 'postgres');
  const slotName = options.slotName ?? defaultSlotName(options.dataDir);
  if (!/^[a-z0-9_]{1,63}$/.test(slotName))
    throw new Error(`Replication slot name ${slotName} must be lower-case letters, digits and underscores`);
  const clusterDir = join(options.dataDir, 'postgres');
  if (existsSync(clusterDir)) throw new Error(`${clusterDir} already exists; a replica is made into an empty folder`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const client = new pg.Client({ connectionString: options.primaryUrl });
  await client.connect();
  let server: EmbeddedPostgres | undefined;
  let slotCreated = false;
  try {
    const facts = await primaryFacts(client);
    const primaryDataDir = resolve(options.primaryDataDir ?? facts.dataDirectory);
    await allowReplication(client, facts.hbaFile, decodeURIComponent(primary.username) || 'postgres', log);

    // A slot left by an earlier attempt with the same name, unused, is replaced.
    await client.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`, [
      slotName,
    ]);
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slotName]);
    slotCreated = true;

    const runAs = await embeddedServerUser();
    await mkdir(options.dataDir, { recursive: true, mode: 0o755 });
    await client.query(`SELECT pg_backup_start($1, true)`, [`jointcall replica ${slotName}`]);
    log(`copying ${primaryDataDir} into ${clusterDir} for a streaming replica`);
    await copyCluster(primaryDataDir, clusterDir);
    const [stopped] = (
      await client.query<{ labelfile: string; spcmapfile: string | null }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)
    ).rows;
    if (!stopped) throw new Error('pg_backup_stop answered nothing');
    // Tablespaces outside the data directory would be shared with the primary, not copied: refused in copyCluster.
    if (stopped.spcmapfile) throw new Error('The primary has tablespaces; a replica of it cannot be made by copying its data directory');
    await writeFile(join(clusterDir, 'backup_label'), stopped.labelfile, { mode: 0o600 });
    await writeFile(join(clusterDir, 'standby.signal'), '', { mode: 0o600 });
    await appendFile(
      join(clusterDir, 'postgresql.auto.conf'),
      [
        '',
        `# A streaming replica of ${primary.hostname}:${primary.port || '5432'} (createStreamingReplica).`,
        `primary_conninfo = ${confString(
          primaryConninfo({
            host: primary.hostname,
            port: primary.port || '5432',
            user: decodeURIComponent(primary.username) || 'postgres',
            password: decodeURIComponent(primary.password),
            applicationName: slotName,
          }),
        )}`,
        `primary_slot_name = ${confString(slotName)}`,
        // Queries on the replica hold back the primary's clean-up instead of being cancelled by its replay.
        'hot_standby_feedback = on',
        '',
      ].join('\n'),
    );
    // EmbeddedPostgres names the server's password in the URLs it answers: the copy has the primary's.
    if (primary.password)
      await writeFile(join(options.dataDir, 'postgres.password'), `${decodeURIComponent(primary.password)}\n`, { mode: 0o600 });
    await ownTree(clusterDir, runAs);
    await chmod(clusterDir, 0o700);

    server = new EmbeddedPostgres({ dataDir: options.dataDir, database, settings: { ...facts.standbyMinimums, ...options.settings }, log });
    const url = await server.start();
    await caughtUp(client, url, timeoutMs);
    log(`streaming replica ${slotName} ready on ${new URL(url).host}`);

    const replica = server;
    return {
      url,
      slotName,
      stop: () => replica.stop(),
      start: async () => {
        const again = await replica.start();
        await waitForPrimaryPosition(options.primaryUrl, again, timeoutMs);
        return again;
      },
      discard: async () => {
        await replica.stop();
        await dropSlot(options.primaryUrl, slotName);
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    // Ending the connection also ends a backup still in progress.
    if (slotCreated) {
      await client.query(`SELECT pg_drop_replication_slot($1)`, [slotName]).catch(() => undefined);
    }
    await rm(clusterDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface PrimaryFacts {
  readonly dataDirectory: string;
  readonly hbaFile: string;
  readonly standbyMinimums: Record<string, string>;
}

async function primaryFacts(client: pg.Client): Promise<PrimaryFacts> {
  const rows = (
    await client.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])`, [
      ['server_version_num', 'wal_level', 'max_replication_slots', 'data_directory', 'hba_file', ...STANDBY_MINIMUMS],
    ])
  ).rows;
  const setting = (name: string): string => rows.find((row) => row.name === name)?.setting ?? '';
  if (Number(setting('server_version_num')) < 150_000) throw new Error('A streaming replica is made of PostgreSQL 15 or newer');
  if (setting('wal_level') === 'minimal') throw new Error('The primary runs with wal_level=minimal; a replica needs wal_level=replica');
  if (Number(setting('max_wal_senders')) < 1 || Number(setting('max_replication_slots')) < 1) {
    throw new Error('The primary allows no replication (max_wal_senders or max_replication_slots is 0)');
  }
  if (setting('data_directory') === '') throw new Error('The primary URL must be a superuser: data_directory is not visible');
  return {
    dataDirectory: setting('data_directory'),
    hbaFile: setting('hba_file'),
    standbyMinimums: Object.fromEntries(STANDBY_MINIMUMS.map((name) => [name, setting(name)])),
  };
}

/** Adds a loopback replication line for the user to the primary's pg_hba.conf, unless one is there. */
async function allowReplication(client: pg.Client, hbaFile: string, user: string, log: (message: string) => void): Promise<void> {
  const hba = await readFile(hbaFile, 'utf8');
  if (allowsLoopbackReplication(hba, user)) return;
  await appendFile(hbaFile, `${hba.endsWith('\n') ? '' : '\n'}host replication ${user} 127.0.0.1/32 scram-sha-256\n`);
  await client.query('SELECT pg_reload_conf()');
  log(`allowed replication connections of ${user} from 127.0.0.1 in ${hbaFile}`);
}

/**
 * Whether pg_hba.conf lets `user` open replication connections over 127.0.0.1 with a password or
 * trust: a host line whose database list names `replication` (`all` does not cover it).
 */
export function allowsLoopbackReplication(hba: string, user: string): boolean {
  const loopback = new Set(['127.0.0.1/32', '127.0.0.0/8', '0.0.0.0/0', 'all', 'samehost', 'samenet']);
  return hba.split('\n').some((line) => {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    const [type, databases, users, address, method] = fields;
    if (!type?.startsWith('host') || databases === undefined || users === undefined || address === undefined) return false;
    const lists = (text: string) => text.split(',');
    return (
      lists(databases).includes('replication') &&
      (lists(users).includes('all') || lists(users).includes(user)) &&
      (loopback.has(address) || (address === '127.0.0.1' && fields[4] === '255.255.255.255')) &&
      method !== 'reject'
    );
  });
}

/** What a base backup takes of one entry of the data directory (a path relative to it, with `/`). */
export type BackupEntry = 'copy' | 'skip' | 'empty';

/** Files the server writes or removes by itself, or that belong to the primary alone. */
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_manifest',
  'tablespace_map',
  'postgresql.auto.conf.tmp',
  'current_logfiles.tmp',
  'standby.signal',
  'recovery.signal',
  // EmbeddedPostgres's log, inside the cluster directory: the replica writes its own.
  'server.log',
]);

/** Directories whose contents are left out (the directories themselves are kept): rebuilt at start-up, or streamed (pg_wal). */
const EMPTIED_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/**
 * The documented exclusions of a low-level base backup ("Making a Base Backup Using the Low Level
 * API"): postmaster.pid and postmaster.opts, the contents of pg_wal, pg_replslot, pg_dynshmem,
 * pg_notify, pg_serial, pg_snapshots, pg_stat_tmp and pg_subtrans, anything named pgsql_tmp*, and
 * pg_internal.init files; also what pg_basebackup leaves out besides (temporary configuration
 * files, a backup_label or signal file of the source). pg_wal keeps its subdirectories, empty.
 */
export function backupEntry(path: string, isDirectory: boolean): BackupEntry {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name.startsWith('pgsql_tmp') || name.startsWith('pg_internal.init')) return 'skip';
  if (parts.length === 1) {
    if (SKIPPED_FILES.has(name) && !isDirectory) return 'skip';
    if (EMPTIED_DIRS.has(name) && isDirectory) return 'empty';
    return 'copy';
  }
  if (parts[0] === 'pg_wal') return isDirectory ? 'empty' : 'skip';
  if (EMPTIED_DIRS.has(parts[0] ?? '')) return 'skip';
  return 'copy';
}

/** The data directory, file by file while the backup is in progress; a file dropped meanwhile is replayed from the WAL, not copied. */
async function copyCluster(source: string, target: string): Promise<void> {
  await mkdir(target, { mode: 0o700 });
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(ignoreVanished([]));
    for (const entry of entries) {
      const from = join(dir, entry.name);
      const path = relative(source, from).split(sep).join('/');
      if (entry.isSymbolicLink()) {
        throw new Error(
          `${path} is a symbolic link (a tablespace or a separate pg_wal); a replica cannot be made by copying the data directory`,
        );
      }
      const to = join(target, path);
      switch (backupEntry(path, entry.isDirectory())) {
        case 'skip':
          break;
        case 'empty':
          await mkdir(to, { mode: 0o700 });
          if (path === 'pg_wal') await walk(from);
          break;
        case 'copy':
          if (entry.isDirectory()) {
            await mkdir(to, { mode: 0o700 });
            await walk(from);
          } else if (entry.isFile()) {
            await copyFile(from, to).catch(ignoreVanished(undefined));
          }
      }
    }
  };
  await walk(source);
}

function ignoreVanished<T>(fallback: T): (error: unknown) => T {
  return (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  };
}

/** Gives the copy to the server's system user (when this process runs as root). */
async function ownTree(dir: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  const { uid, gid } = runAs;
  const walk = async (path: string): Promise<void> => {
    await chown(path, uid, gid);
    if ((await lstat(path)).isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    }
  };
  await walk(dir);
}

/** A libpq connection string: each value quoted, with backslashes and quotes escaped. */
export function primaryConninfo(parts: {
  readonly host: string;
  readonly port: string;
  readonly user: string;
  readonly password: string;
  readonly applicationName: string;
}): string {
  const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    `host=${quote(parts.host)}`,
    `port=${quote(parts.port)}`,
    `user=${quote(parts.user)}`,
    ...(parts.password ? [`password=${quote(parts.password)}`] : []),
    `application_name=${quote(parts.applicationName)}`,
  ].join(' ');
}

/** A string value of postgresql.conf: in single quotes, each quote doubled. */
export function confString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function defaultSlotName(dataDir: string): string {
  return `jointcall_replica_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

/** Waits until the replica has replayed up to where the primary's WAL stands now. */
async function caughtUp(primary: pg.Client, replicaUrl: string, timeoutMs: number): Promise<void> {
  const [row] = (await primary.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows;
  const target = row!.lsn;
  const replica = new pg.Client({ connectionString: replicaUrl });
  await replica.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [state] = (
        await replica.query<{ replayed: string | null; caught_up: boolean | null }>(
          `SELECT pg_last_wal_replay_lsn()::text AS replayed, pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up`,
          [target],
        )
      ).rows;
      if (state?.caught_up === true) return;
      if (Date.now() > deadline) {
        throw new Error(
          `The replica has replayed up to ${state?.replayed ?? 'nothing'}, not to the primary's ${target}, after ${timeoutMs} ms`,
        );
      }
      await sleep(50);
    }
  } finally {
    await replica.end().catch(() => undefined);
  }
}

async function waitForPrimaryPosition(primaryUrl: string, replicaUrl: string, timeoutMs: number): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  try {
    await caughtUp(primary, replicaUrl, timeoutMs);
  } finally {
    await primary.end().catch(() => undefined);
  }
}

/** Drops the slot once its walsender has gone (it outlives the stopped replica by a moment). */
async function dropSlot(primaryUrl: string, slotName: string): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const dropped = await primary
        .query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slotName])
        .then(
          () => true,
          (error: unknown) => {
            if (Date.now() > deadline) throw error;
            return false;
          },
        );
      if (dropped) return;
      await sleep(100);
    }
  } finally {
    await primary.end().catch(() => undefined);
  }
}
