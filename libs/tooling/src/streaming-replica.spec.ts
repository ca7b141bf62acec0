import { describe, expect, it } from 'vitest';
import { allowsLoopbackReplication, backupEntry, confString, primaryConninfo } from './streaming-replica.js';

describe('allowsLoopbackReplication', () => {
  it("accepts initdb's default lines for replication over 127.0.0.1", () => {
    const hba = [
      '# TYPE  DATABASE        USER            ADDRESS                 METHOD',
      'local   all             all                                     scram-sha-256',
      'host    all             all             127.0.0.1/32            scram-sha-256',
      'local   replication     all                                     scram-sha-256',
      'host    replication     all             127.0.0.1/32            scram-sha-256',
      'host    replication     all             ::1/128                 scram-sha-256',
    ].join('\n');
    expect(allowsLoopbackReplication(hba, 'postgres')).toBe(true);
  });

  it('does not take `all` databases, other users, other addresses, comments or reject for replication', () => {
    expect(allowsLoopbackReplication('host all all 127.0.0.1/32 scram-sha-256', 'postgres')).toBe(false);
    expect(allowsLoopbackReplication('host replication alice 127.0.0.1/32 scram-sha-256', 'postgres')).toBe(false);
    expect(allowsLoopbackReplication('host replication all ::1/128 scram-sha-256', 'postgres')).toBe(false);
    expect(allowsLoopbackReplication('# host replication all 127.0.0.1/32 trust', 'postgres')).toBe(false);
    expect(allowsLoopbackReplication('local replication all trust', 'postgres')).toBe(false);
    expect(allowsLoopbackReplication('host replication all 127.0.0.1/32 reject', 'postgres')).toBe(false);
  });

  it('accepts the user by name, database lists and the old address-and-mask form', () => {
    expect(allowsLoopbackReplication('hostssl sameuser,replication postgres,bob samehost md5', 'postgres')).toBe(true);
    expect(allowsLoopbackReplication('host replication postgres 127.0.0.1 255.255.255.255 trust', 'postgres')).toBe(true);
  });
});

describe('backupEntry', () => {
  it('leaves out the files the documentation names and those of the source server alone', () => {
    for (const file of ['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'postgresql.auto.conf.tmp', 'server.log']) {
      expect(backupEntry(file, false), file).toBe('skip');
    }
    expect(backupEntry('global/pg_internal.init', false)).toBe('skip');
    expect(backupEntry('base/16384/pg_internal.init.1234', false)).toBe('skip');
    expect(backupEntry('base/pgsql_tmp', true)).toBe('skip');
    expect(backupEntry('base/pgsql_tmp/pgsql_tmp123.0', false)).toBe('skip');
  });

  it('keeps the directories whose contents are rebuilt or streamed, empty, with the subdirectories of pg_wal', () => {
    for (const dir of ['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']) {
      expect(backupEntry(dir, true), dir).toBe('empty');
    }
    expect(backupEntry('pg_wal/000000010000000000000001', false)).toBe('skip');
    expect(backupEntry('pg_wal/archive_status', true)).toBe('empty');
    expect(backupEntry('pg_wal/archive_status/000000010000000000000001.done', false)).toBe('skip');
    expect(backupEntry('pg_replslot/jointcall_replica', true)).toBe('skip');
    expect(backupEntry('pg_subtrans/0000', false)).toBe('skip');
  });

  it('copies the rest: relations, the commit log, configuration, statistics', () => {
    for (const path of [
      'PG_VERSION',
      'postgresql.conf',
      'postgresql.auto.conf',
      'pg_hba.conf',
      'global/pg_control',
      'base/5/1259',
      'pg_xact/0000',
    ]) {
      expect(backupEntry(path, false), path).toBe('copy');
    }
    expect(backupEntry('base', true)).toBe('copy');
    expect(backupEntry('pg_stat', true)).toBe('copy');
  });
});

describe('primary_conninfo', () => {
  it('quotes each libpq value and then the whole as a postgresql.conf string', () => {
    const conninfo = primaryConninfo({ host: '127.0.0.1', port: '5433', user: 'postgres', password: "it's\\x", applicationName: 'r1' });
    expect(conninfo).toBe("host='127.0.0.1' port='5433' user='postgres' password='it\\'s\\\\x' application_name='r1'");
    expect(confString(conninfo)).toBe(
      "'host=''127.0.0.1'' port=''5433'' user=''postgres'' password=''it\\''s\\\\x'' application_name=''r1'''",
    );
    expect(primaryConninfo({ host: 'h', port: '1', user: 'u', password: '', applicationName: 'a' })).toBe(
      "host='h' port='1' user='u' application_name='a'",
    );
  });
});
