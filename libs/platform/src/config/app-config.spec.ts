import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'jointcall-config-'));

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      readDatabaseUrls: [],
      dataDir: dir,
      logLevel: 'info',
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
      trustProxy: false,
      seedOnStart: true,
    });
  });

  it('reads reminder offsets as durations, largest first, and refuses anything else', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).reminderOffsetsMinutes).toEqual([20160, 4320, 1440, 120]);
    expect(loadConfig({ DATA_DIR: dataDir(), REMINDER_OFFSETS: '30m, 7d,1h,30m' }).reminderOffsetsMinutes).toEqual([10080, 60, 30]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), REMINDER_OFFSETS: '2 weeks' })).toThrow(
      /REMINDER_OFFSETS must be a comma-separated list/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  });

  it('generates a secret once and keeps it under DATA_DIR with owner-only permissions', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).secrets.jwtSecret;
    const second = loadConfig({ DATA_DIR: dir }).secrets.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = join(dir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ jwtSecret: first });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('requires secrets in production and refuses demo seeds there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), SEED_ON_START: 'true' })).toThrow(
      /JWT_SECRET is required[\s\S]*SEED_ON_START must be false/,
    );
  });

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL must start with postgres:// or postgresql://',
        'PORT must be an integer from 0 to 65535 (got "eighty")',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
        'JWT_SECRET must be at least 32 characters',
      ]);
    }
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SEED_ON_START: 'no',
      DATABASE_URL: 'postgres://u@db:5432/jc',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(config.trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.seedOnStart).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u@db:5432/jc');
  });

  it('reads replicas as a list of postgres URLs, only beside an external primary', () => {
    const primary = 'postgres://u@db:5432/jc';
    expect(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: ' postgres://u@r1:5432/jc, postgresql://u@r2/jc ' })
        .readDatabaseUrls,
    ).toEqual(['postgres://u@r1:5432/jc', 'postgresql://u@r2/jc']);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: '' }).readDatabaseUrls).toEqual([]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), READ_DATABASE_URL: 'postgres://u@r1:5432/jc' })).toThrow(
      /READ_DATABASE_URL needs DATABASE_URL/,
    );
    try {
      loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: 'postgres://u@r1/jc,mysql://r2,not a url' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'READ_DATABASE_URL (entry 2) must start with postgres:// or postgresql://',
        'READ_DATABASE_URL (entry 3) is not a valid URL',
      ]);
    }
  });
});
