import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, CONFIG_VARIABLES, Environment, FILE_READABLE_SECRETS, SECRET_FILE_SUFFIX } from './config.schema';
import { hardeningConfig } from './hardening-config';
import { productionProblems } from './production-readiness';

/** Start-up stops with this error; its message names every bad variable, never a secret's value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Source = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration once. `source` defaults to the process environment. */
export function loadConfig(environmentVariables: Source = process.env): AppConfig {
  const problems: string[] = [];
  const source = withSecretFiles(environmentVariables, problems);
  const defaults = new Map(CONFIG_VARIABLES.map((variable) => [variable.name, variable]));
  const raw = (name: string): string | undefined => {
    const value = source[name];
    if (value !== undefined && value !== '') return value;
    return defaults.get(name)?.default;
  };
  const text = (name: string): string => raw(name) ?? '';
  const optional = (name: string): string | undefined => raw(name) || undefined;
  const integer = (name: string, min: number, max: number): number => {
    const value = raw(name) ?? '';
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}${describe(name, value)}`);
      return min;
    }
    return parsed;
  };
  // A positive decimal such as `72` or `0.001` (SLA periods; tests configure a few seconds).
  const decimal = (name: string, min: number, max: number): number => {
    const value = raw(name) ?? '';
    const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be a number from ${min} to ${max}${describe(name, value)}`);
      return min;
    }
    return parsed;
  };
  const port = (name: string): number => integer(name, 1, 65535);
  const boolean = (name: string): boolean => {
    const value = (raw(name) ?? '').toLowerCase();
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no', ''].includes(value)) return false;
    problems.push(`${name} must be true or false${describe(name, value)}`);
    return false;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = raw(name) ?? '';
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}${describe(name, value)}`);
    return allowed[0];
  };
  const url = (name: string): string => {
    const value = text(name);
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
      return value.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be an http(s) URL${describe(name, value)}`);
      return value;
    }
  };
  // Variables are only ever shown when they are not secrets.
  function describe(name: string, value: string): string {
    return defaults.get(name)?.secret ? '' : ` (got "${value}")`;
  }

  // The replica's port defaults to the primary's; its lag bound is read only when there is a replica.
  const readReplica = (): AppConfig['database']['readReplica'] => {
    const host = optional('DATABASE_READ_HOST');
    if (host === undefined) return null;
    return {
      host,
      port: port(optional('DATABASE_READ_PORT') === undefined ? 'DATABASE_PORT' : 'DATABASE_READ_PORT'),
      maxLagMs: integer('DATABASE_READ_MAX_LAG_MS', 0, 3_600_000),
    };
  };

  const environment = oneOf<Environment>('NODE_ENV', ['development', 'test', 'production']);
  for (const variable of CONFIG_VARIABLES) {
    if (variable.requiredIn?.includes(environment) && !optional(variable.name)) {
      problems.push(`${variable.name} is required when NODE_ENV=${environment}`);
    }
  }

  const config: AppConfig = {
    environment,
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    database: {
      host: text('DATABASE_HOST'),
      port: port('DATABASE_PORT'),
      user: text('DATABASE_USER'),
      password: text('DATABASE_PASSWORD'),
      migrationUser: text('DATABASE_MIGRATION_USER'),
      migrationPassword: text('DATABASE_MIGRATION_PASSWORD'),
      adminUser: text('DATABASE_ADMIN_USER'),
      adminPassword: text('DATABASE_ADMIN_PASSWORD'),
      name: text('DATABASE_NAME'),
      poolSize: integer('DATABASE_POOL_SIZE', 1, 200),
      ssl: boolean('DATABASE_SSL'),
      migrateAtBoot: boolean('MIGRATE_AT_BOOT'),
      readReplica: readReplica(),
    },
    redis: {
      host: text('REDIS_HOST'),
      port: port('REDIS_PORT'),
      password: optional('REDIS_PASSWORD'),
      prefix: text('REDIS_PREFIX'),
      clusterNodes: clusterNodes(optional('REDIS_CLUSTER_NODES'), problems),
    },
    http: {
      host: text('HTTP_HOST'),
      bodyLimitBytes: integer('HTTP_BODY_LIMIT_BYTES', 1024, 100 * 1024 * 1024),
      shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 0, 600_000),
      ports: {
        portal: port('PORTAL_PORT'),
        intake: port('INTAKE_PORT'),
        gateway: port('GATEWAY_PORT'),
        ethicsBoard: port('ETHICS_BOARD_PORT'),
      },
      publicUrls: {
        portal: url('PORTAL_PUBLIC_URL'),
        intake: url('INTAKE_PUBLIC_URL'),
        gateway: url('GATEWAY_PUBLIC_URL'),
        ethicsBoard: url('ETHICS_BOARD_PUBLIC_URL'),
      },
    },
    keys: {
      directory: text('BANK_KEYS_DIR'),
      signingKeysFile: optional('BANK_SIGNING_KEYS_FILE'),
      keyEncryptionKeys: optional('BANK_KEK'),
      pseudonymSecret: optional('BANK_PSEUDONYM_SECRET'),
      generateIfMissing: environment !== 'production',
    },
    demo: { directory: text('DEMO_DATA_DIR') },
    outbox: {
      pollIntervalMs: integer('OUTBOX_POLL_INTERVAL_MS', 10, 60_000),
      batchSize: integer('OUTBOX_BATCH_SIZE', 1, 5_000),
      reconcileIntervalMs: integer('OUTBOX_RECONCILE_INTERVAL_MS', 100, 3_600_000),
      reconcileGraceMs: integer('OUTBOX_RECONCILE_GRACE_MS', 0, 3_600_000),
    },
    worker: { concurrency: integer('WORKER_CONCURRENCY', 1, 256), port: port('WORKER_PORT') },
    schedules: { checkIntervalMs: integer('SCHEDULE_CHECK_INTERVAL_MS', 100, 600_000) },
    consent: {
      approvalTimeoutHours: integer('APPROVAL_TIMEOUT_HOURS', 1, 24 * 365),
      approvalReminderLeadMinutes: integer('APPROVAL_REMINDER_MINUTES', 1, 60 * 24 * 365),
    },
    mail: {
      transport:
        raw('MAIL_TRANSPORT') === undefined ? (environment === 'production' ? 'smtp' : 'file') : oneOf('MAIL_TRANSPORT', ['smtp', 'file']),
      directory: text('MAIL_DIR'),
      from: text('SMTP_FROM'),
      smtp: {
        host: text('SMTP_HOST'),
        port: port('SMTP_PORT'),
        secure: boolean('SMTP_SECURE'),
        user: optional('SMTP_USER'),
        password: optional('SMTP_PASSWORD'),
        passwordFile: optional('SMTP_PASSWORD_FILE'),
      },
      accountMailsPerHour: integer('ACCOUNT_MAILS_PER_HOUR', 1, 1000),
    },
    transfers: {
      partMaxSubjects: integer('TRANSFER_PART_MAX_SUBJECTS', 1, 1000),
      partTtlHours: integer('TRANSFER_PART_TTL_HOURS', 1, 24 * 30),
    },
    webhooks: { allowLocal: boolean('WEBHOOK_ALLOW_LOCAL') },
    notices: { dueMinutes: integer('NOTICE_DUE_MINUTES', 1, 60 * 24 * 365) },
    transparency: { minCell: integer('TRANSPARENCY_MIN_CELL', 1, 1_000_000) },
    disclosure: {
      dueDays: integer('DISCLOSURE_DUE_DAYS', 1, 366),
      downloadTokenSeconds: integer('DISCLOSURE_TOKEN_SECONDS', 1, 3600),
    },
    complaints: {
      firstReplyHours: decimal('COMPLAINT_FIRST_REPLY_HOURS', 0.0001, 24 * 365),
      resolveDays: decimal('COMPLAINT_RESOLVE_DAYS', 0.00001, 3650),
    },
    kekGenerations: {
      directory: optional('BANK_KEK_DIR') ?? join(text('BANK_KEYS_DIR'), 'kek-generations'),
      rotationDays: integer('KEK_ROTATION_DAYS', 1, 3650),
      backupRetentionDays: integer('BACKUP_RETENTION_DAYS', 0, 3650),
    },
    oversight: { logVerificationIntervalHours: integer('LOG_VERIFICATION_EVERY_HOURS', 0, 24 * 366) },
    hardening: hardeningConfig({ raw, integer, problems }),
  };
  if (config.webhooks.allowLocal && environment === 'production') {
    problems.push('WEBHOOK_ALLOW_LOCAL must be false when NODE_ENV=production (local webhooks are for development and tests)');
  }
  if (config.mail.transport === 'file' && environment === 'production') {
    problems.push('MAIL_TRANSPORT must be smtp when NODE_ENV=production (file is for development and tests)');
  }
  if (config.mail.smtp.password !== undefined && config.mail.smtp.passwordFile !== undefined) {
    problems.push('SMTP_PASSWORD and SMTP_PASSWORD_FILE are both set; set one of them');
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(config.redis.prefix)) {
    problems.push(`REDIS_PREFIX may hold only letters, digits, '_', '.' and '-' (got "${config.redis.prefix}")`);
  }
  const ports = [
    ['PORTAL_PORT', config.http.ports.portal],
    ['INTAKE_PORT', config.http.ports.intake],
    ['GATEWAY_PORT', config.http.ports.gateway],
    ['ETHICS_BOARD_PORT', config.http.ports.ethicsBoard],
    ['WORKER_PORT', config.worker.port],
  ] as const;
  ports.forEach(([name, value], index) => {
    const clash = ports.slice(0, index).find(([, other]) => other === value);
    if (clash) problems.push(`${clash[0]} and ${name} are both ${value}; each app needs its own port`);
  });
  const metricsPort = config.hardening.metricsPort;
  if (metricsPort !== undefined) {
    const taken = ports.find(([, value]) => value >= metricsPort && value <= metricsPort + 3);
    if (taken) problems.push(`METRICS_PORT ${metricsPort} to ${metricsPort + 3} (one per app) overlaps ${taken[0]} ${taken[1]}`);
  }
  if (environment === 'production') problems.push(...productionProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The variables with each secret whose `<NAME>_FILE` is set read from that file (one trailing newline
 * dropped), as Docker and Kubernetes mount secrets. Setting both is a problem, and so is a file that
 * cannot be read; neither the value nor the file's content is ever shown.
 */
function withSecretFiles(source: Source, problems: string[]): Source {
  const resolved: Record<string, string | undefined> = { ...source };
  for (const name of FILE_READABLE_SECRETS) {
    const fileVariable = `${name}${SECRET_FILE_SUFFIX}`;
    const path = source[fileVariable];
    if (path === undefined || path === '') continue;
    if (source[name] !== undefined && source[name] !== '') {
      problems.push(`${name} and ${fileVariable} are both set; set one of them`);
      continue;
    }
    try {
      resolved[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      problems.push(`${fileVariable} names a file that cannot be read (${typeof code === 'string' ? code : 'unreadable'})`);
    }
  }
  return resolved;
}

/** `host:port,host:port` → the Cluster's seed nodes; each bad entry is a problem naming it. */
function clusterNodes(value: string | undefined, problems: string[]): { host: string; port: number }[] | undefined {
  if (value === undefined) return undefined;
  const nodes: { host: string; port: number }[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(entry);
    const port = match === null ? Number.NaN : Number(match[2]);
    if (match === null || port < 1 || port > 65535) {
      problems.push(`REDIS_CLUSTER_NODES must be a comma-separated list of host:port (got "${entry}")`);
      continue;
    }
    nodes.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
  }
  return nodes.length > 0 ? nodes : undefined;
}
