import { join } from 'node:path';

/**
 * The settings every process of a run over private engines shares (the chaos run, the scale-out run): development
 * mode with the roles `db:roles` creates and no passwords, keys, demo data and mail files under the run's `root`,
 * cheap password hashing and no rate limit on sign-ups (the workload signs many up), no scheduled full log
 * verification, small transfer parts (more of them per transfer), and migrations run by the run, not at boot.
 * The caller adds where the engines and the apps are.
 */
export function sharedAppEnvironment(root: string, database: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_NAME: database,
    DATABASE_USER: 'infobank_app',
    DATABASE_MIGRATION_USER: 'infobank_owner',
    DATABASE_ADMIN_USER: 'postgres',
    DATABASE_PASSWORD: '',
    DATABASE_MIGRATION_PASSWORD: '',
    DATABASE_ADMIN_PASSWORD: '',
    BANK_KEYS_DIR: join(root, 'keys'),
    DEMO_DATA_DIR: join(root, 'demo'),
    SCRYPT_LOG_N: '14',
    REGISTRATIONS_PER_HOUR: '100000',
    LOG_VERIFICATION_EVERY_HOURS: '0',
    TRANSFER_PART_MAX_SUBJECTS: '25',
    MIGRATE_AT_BOOT: 'false',
    MAIL_TRANSPORT: 'file',
    MAIL_DIR: join(root, 'mail'),
  };
}

/** Drops settings the run's processes would otherwise inherit from the shell: they generate their own keys and secrets. */
export function forgetInheritedSecrets(): void {
  for (const name of [
    'BANK_KEK',
    'BANK_PSEUDONYM_SECRET',
    'BANK_SIGNING_KEYS_FILE',
    'BANK_KEK_DIR',
    'METRICS_PORT',
    'METRICS_TOKEN',
    'REDIS_PASSWORD',
    'TRUSTED_PROXIES',
  ])
    delete process.env[name];
}
