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
    const config = loadConfig({
      NODE_ENV: 'production',
      BANK_SIGNING_KEYS_FILE: '/run/secrets/signing.json',
      BANK_KEK: 'k1:x',
      BANK_PSEUDONYM_SECRET: 's',
    });
    expect(config.keys.generateIfMissing).toBe(false);
  });

  it('never prints a secret value in its message', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      BANK_KEK: 'k1:super-secret-value',
      DATABASE_PASSWORD: 'hunter2',
      DATABASE_PORT: 'x',
    });
    const message = new ConfigError(problems).message;
    expect(message).not.toContain('super-secret-value');
    expect(message).not.toContain('hunter2');
  });

  it('rejects two apps on one port', () => {
    expect(problemsOf({ INTAKE_PORT: '3000' })).toEqual([expect.stringMatching(/PORTAL_PORT.*INTAKE_PORT|3000/)]);
  });
});
