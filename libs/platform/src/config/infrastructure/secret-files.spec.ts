import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCEPTED_VARIABLES, FILE_READABLE_SECRETS } from './config.schema';
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

describe('secrets read from <NAME>_FILE', () => {
  const directory = mkdtempSync(join(tmpdir(), 'infobank-secret-files-'));
  const secretFile = (name: string, content: string): string => {
    const path = join(directory, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };

  it('reads every secret that is not itself a file, and only those', () => {
    expect([...FILE_READABLE_SECRETS].sort()).toEqual([
      'BANK_KEK',
      'BANK_PSEUDONYM_SECRET',
      'DATABASE_ADMIN_PASSWORD',
      'DATABASE_MIGRATION_PASSWORD',
      'DATABASE_PASSWORD',
      'METRICS_TOKEN',
      'REDIS_PASSWORD',
    ]);
    expect(ACCEPTED_VARIABLES).toEqual(expect.arrayContaining(['DATABASE_PASSWORD', 'DATABASE_PASSWORD_FILE', 'BANK_SIGNING_KEYS_FILE']));
    expect(ACCEPTED_VARIABLES).not.toContain('BANK_SIGNING_KEYS_FILE_FILE');
  });

  it('takes the file’s content, without its trailing newline, in place of the variable', () => {
    const config = loadConfig({
      DATABASE_PASSWORD_FILE: secretFile('app-password', 'app secret\n'),
      DATABASE_MIGRATION_PASSWORD_FILE: secretFile('owner-password', 'owner secret'),
      REDIS_PASSWORD_FILE: secretFile('redis-password', 'redis secret\r\n'),
      METRICS_TOKEN_FILE: secretFile('metrics-token', `${'m'.repeat(40)}\n`),
    });
    expect(config.database.password).toBe('app secret');
    expect(config.database.migrationPassword).toBe('owner secret');
    expect(config.redis.password).toBe('redis secret');
    expect(config.hardening.metricsToken).toBe('m'.repeat(40));
  });

  it('satisfies a secret production requires, and validates it as if it were set directly', () => {
    const tooShort = problemsOf({ NODE_ENV: 'production', METRICS_TOKEN_FILE: secretFile('short-token', 'short\n') });
    expect(tooShort).toContain('METRICS_TOKEN must be at least 32 characters long');
    expect(tooShort).toContain('BANK_KEK is required when NODE_ENV=production');
    const withKek = problemsOf({ NODE_ENV: 'production', BANK_KEK_FILE: secretFile('kek', 'k1:' + 'A'.repeat(43) + '\n') });
    expect(withKek).not.toContain('BANK_KEK is required when NODE_ENV=production');
  });

  it('refuses a secret set both ways, and a file it cannot read, without showing either value', () => {
    const problems = problemsOf({
      DATABASE_PASSWORD: 'plain-value-1',
      DATABASE_PASSWORD_FILE: secretFile('both', 'file-value-1'),
      REDIS_PASSWORD_FILE: join(directory, 'no-such-file'),
    });
    expect(problems).toEqual([
      'DATABASE_PASSWORD and DATABASE_PASSWORD_FILE are both set; set one of them',
      'REDIS_PASSWORD_FILE names a file that cannot be read (ENOENT)',
    ]);
    // A directory cannot be read as a file, whoever runs the test.
    const denied = problemsOf({ BANK_PSEUDONYM_SECRET_FILE: directory });
    expect(denied).toEqual(['BANK_PSEUDONYM_SECRET_FILE names a file that cannot be read (EISDIR)']);
    expect(JSON.stringify([problems, denied])).not.toMatch(/value-\d/);
  });
});
