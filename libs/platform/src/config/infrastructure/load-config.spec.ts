import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to reject the configuration');
}

describe('loadConfig', () => {
  it('gives defaults that work on a development machine', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.database).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      user: 'infobank_app',
      migrationUser: 'infobank_owner',
      adminUser: 'postgres',
      name: 'infobank',
    });
    expect(config.redis).toMatchObject({ host: '127.0.0.1', port: 6379 });
    expect(config.http.ports).toEqual({ portal: 3000, intake: 3001, gateway: 3002, ethicsBoard: 3003 });
    expect(config.keys.generateIfMissing).toBe(true);
  });

  it("has no read replica unless DATABASE_READ_HOST is set; its port defaults to the primary's, its lag bound to 5 s", () => {
    expect(loadConfig({}).database.readReplica).toBeNull();
    expect(loadConfig({ DATABASE_PORT: '5433', DATABASE_READ_HOST: 'replica.internal' }).database.readReplica).toEqual({
      host: 'replica.internal',
      port: 5433,
      maxLagMs: 5_000,
    });
    expect(
      loadConfig({ DATABASE_READ_HOST: '10.0.0.7', DATABASE_READ_PORT: '6432', DATABASE_READ_MAX_LAG_MS: '250' }).database.readReplica,
    ).toEqual({ host: '10.0.0.7', port: 6432, maxLagMs: 250 });
    expect(problemsOf({ DATABASE_READ_HOST: 'r', DATABASE_READ_PORT: 'x', DATABASE_READ_MAX_LAG_MS: '-1' })).toEqual([
      'DATABASE_READ_PORT must be a whole number from 1 to 65535 (got "x")',
      'DATABASE_READ_MAX_LAG_MS must be a whole number from 0 to 3600000 (got "-1")',
    ]);
  });

  it('keeps the runtime, owner and superuser credentials apart (least privilege)', () => {
    const config = loadConfig({
      DATABASE_USER: 'bank_app',
      DATABASE_PASSWORD: 'a',
      DATABASE_MIGRATION_USER: 'bank_owner',
      DATABASE_MIGRATION_PASSWORD: 'o',
      DATABASE_ADMIN_USER: 'dba',
      DATABASE_ADMIN_PASSWORD: 's',
    });
    expect(config.database).toMatchObject({
      user: 'bank_app',
      password: 'a',
      migrationUser: 'bank_owner',
      migrationPassword: 'o',
      adminUser: 'dba',
      adminPassword: 's',
    });
  });

  it('rejects an invalid port, naming the variable', () => {
    expect(problemsOf({ PORTAL_PORT: '70000' })).toEqual([expect.stringContaining('PORTAL_PORT')]);
    expect(problemsOf({ DATABASE_PORT: 'abc' })).toEqual([expect.stringContaining('DATABASE_PORT')]);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ REDIS_PORT: '-1', LOG_LEVEL: 'loud', DATABASE_SSL: 'maybe' });
    expect(problems.join('\n')).toMatch(/REDIS_PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*REDIS_PORT/);
    expect(problems.join('\n')).toContain('DATABASE_SSL');
    expect(problems).toHaveLength(3);
  });

  it('requires the bank secrets in production and never generates keys there', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('BANK_SIGNING_KEYS_FILE'),
        expect.stringContaining('BANK_KEK'),
        expect.stringContaining('BANK_PSEUDONYM_SECRET'),
      ]),
    );
    const config = loadConfig(productionSource());
    expect(config.keys.generateIfMissing).toBe(false);
  });

  it('never prints a secret value in its message', () => {
    const problems = problemsOf({
      ...productionSource(),
      BANK_KEK: 'k1:super-secret-value',
      DATABASE_PASSWORD: 'hunter2',
      DATABASE_PORT: 'x',
    });
    const message = new ConfigError(problems).message;
    expect(message).not.toContain('super-secret-value');
    expect(message).not.toContain('hunter2');
  });

  it('reads a Redis Cluster from REDIS_CLUSTER_NODES, and none when it is unset', () => {
    expect(loadConfig({}).redis.clusterNodes).toBeUndefined();
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' }).redis.clusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
  });

  it('rejects a Redis Cluster node without a valid port, naming the entry', () => {
    expect(problemsOf({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-b' })).toEqual([
      'REDIS_CLUSTER_NODES must be a comma-separated list of host:port (got "redis-b")',
    ]);
    expect(problemsOf({ REDIS_CLUSTER_NODES: 'redis-a:70000' })).toHaveLength(1);
  });

  it('rejects two apps on one port', () => {
    expect(problemsOf({ INTAKE_PORT: '3000' })).toEqual([expect.stringMatching(/PORTAL_PORT.*INTAKE_PORT|3000/)]);
  });

  describe('in production, refusing the development defaults', () => {
    it('accepts a production configuration without development defaults', () => {
      expect(loadConfig(productionSource()).environment).toBe('production');
    });

    it.each([
      ['the superuser postgres as DATABASE_USER', { DATABASE_USER: 'postgres' }, 'DATABASE_USER'],
      ['an empty DATABASE_PASSWORD', { DATABASE_PASSWORD: '' }, 'DATABASE_PASSWORD'],
      ['no REDIS_PASSWORD', { REDIS_PASSWORD: '' }, 'REDIS_PASSWORD'],
      ['a plain-http PORTAL_PUBLIC_URL', { PORTAL_PUBLIC_URL: 'http://portal.bank.example' }, 'PORTAL_PUBLIC_URL'],
      ['a plain-http INTAKE_PUBLIC_URL', { INTAKE_PUBLIC_URL: 'http://intake.bank.example' }, 'INTAKE_PUBLIC_URL'],
      ['a plain-http GATEWAY_PUBLIC_URL', { GATEWAY_PUBLIC_URL: 'http://gateway.bank.example' }, 'GATEWAY_PUBLIC_URL'],
      ['a plain-http ETHICS_BOARD_PUBLIC_URL', { ETHICS_BOARD_PUBLIC_URL: 'http://board.bank.example' }, 'ETHICS_BOARD_PUBLIC_URL'],
      ['LOG_LEVEL debug', { LOG_LEVEL: 'debug' }, 'LOG_LEVEL'],
      ['LOG_LEVEL trace', { LOG_LEVEL: 'trace' }, 'LOG_LEVEL'],
      ['a scrypt cost below 2^17', { SCRYPT_LOG_N: '16' }, 'SCRYPT_LOG_N'],
    ])('refuses %s, naming the variable', (_case, change, variable) => {
      const problems = problemsOf({ ...productionSource(), ...change });
      expect(problems).toEqual([expect.stringContaining(variable)]);
    });

    it.each([0o644, 0o604, 0o620, 0o666])('refuses a signing key file with mode %o (readable or writable by others)', (mode) => {
      const source = productionSource();
      chmodSync(source.BANK_SIGNING_KEYS_FILE, mode);
      expect(problemsOf(source)).toEqual([expect.stringContaining('BANK_SIGNING_KEYS_FILE')]);
    });

    it('names every development default at once, without the database password', () => {
      const problems = problemsOf({
        ...productionSource(),
        DATABASE_USER: 'postgres',
        DATABASE_PASSWORD: '',
        REDIS_PASSWORD: '',
        PORTAL_PUBLIC_URL: 'http://localhost:3000',
        LOG_LEVEL: 'trace',
      });
      expect(problems).toHaveLength(5);
    });

    it('accepts the same defaults outside production', () => {
      expect(() => loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'trace', SCRYPT_LOG_N: '14' })).not.toThrow();
    });
  });

  describe('hardening variables', () => {
    it('reads trusted proxies as addresses and CIDR ranges, and refuses anything else', () => {
      expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7,::1' }).hardening.trustedProxies).toEqual([
        '10.0.0.0/8',
        '192.168.1.7',
        '::1',
      ]);
      expect(loadConfig({}).hardening.trustedProxies).toEqual([]);
      expect(problemsOf({ TRUSTED_PROXIES: '10.0.0.0/33,proxy.local' })).toHaveLength(2);
    });

    it('reads the web app origins allowed to use cookie sessions, and refuses anything that is not an origin', () => {
      expect(loadConfig({ WEB_ALLOWED_ORIGINS: 'https://app.example.jp, http://localhost:5173' }).hardening.webAllowedOrigins).toEqual([
        'https://app.example.jp',
        'http://localhost:5173',
      ]);
      expect(loadConfig({}).hardening.webAllowedOrigins).toEqual([]);
      expect(problemsOf({ WEB_ALLOWED_ORIGINS: 'https://app.example.jp/, app.example.jp,ftp://x.jp,https://APP.example.jp' })).toHaveLength(
        4,
      );
    });

    it('refuses a metrics port range that overlaps an app port, and a short metrics token', () => {
      expect(problemsOf({ METRICS_PORT: '2999' })).toEqual([expect.stringContaining('METRICS_PORT')]);
      expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual([expect.stringContaining('METRICS_TOKEN')]);
    });
  });
});

/** A production configuration that passes every check, with a signing key file only its owner may read. */
function productionSource(): Record<string, string> {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'infobank-config-')), 'signing.json');
  writeFileSync(keyFile, '{}');
  chmodSync(keyFile, 0o600);
  return {
    NODE_ENV: 'production',
    DATABASE_USER: 'infobank_app',
    DATABASE_PASSWORD: 'app-password',
    REDIS_PASSWORD: 'redis-password',
    PORTAL_PUBLIC_URL: 'https://portal.bank.example',
    INTAKE_PUBLIC_URL: 'https://intake.bank.example',
    GATEWAY_PUBLIC_URL: 'https://gateway.bank.example',
    ETHICS_BOARD_PUBLIC_URL: 'https://board.bank.example',
    BANK_SIGNING_KEYS_FILE: keyFile,
    BANK_KEK: 'k1:x',
    BANK_PSEUDONYM_SECRET: 's',
  };
}
