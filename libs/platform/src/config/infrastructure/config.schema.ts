/** Which deployment the process runs in: production demands real secrets and never generates keys. */
export type Environment = 'development' | 'test' | 'production';

/** The validated configuration of one Infobank process. Read once at start (see loadConfig). */
export interface AppConfig {
  environment: Environment;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: {
    host: string;
    port: number;
    /** The runtime role every app and the worker connect as: neither owner nor superuser (see `migrationUser`). */
    user: string;
    password: string;
    /** The owner role that migrations run as; it owns every table. */
    migrationUser: string;
    migrationPassword: string;
    /** A superuser, used only to create missing roles and the database (`db:roles`; `db:migrate` outside production). */
    adminUser: string;
    adminPassword: string;
    name: string;
    poolSize: number;
    ssl: boolean;
    migrateAtBoot: boolean;
    /**
     * A streaming replica that history, audit and transparency reads may use (DATABASE_READ_HOST); null when
     * there is none, so every read goes to the primary. Writes never go there.
     */
    readReplica: { host: string; port: number; maxLagMs: number } | null;
  };
  redis: {
    host: string;
    port: number;
    password: string | undefined;
    prefix: string;
    /** The seed nodes of a Redis Cluster; when present, every client is a Cluster client and REDIS_HOST/PORT are unused. */
    clusterNodes: readonly { host: string; port: number }[] | undefined;
  };
  http: {
    host: string;
    bodyLimitBytes: number;
    shutdownTimeoutMs: number;
    ports: { portal: number; intake: number; gateway: number; ethicsBoard: number };
    publicUrls: { portal: string; intake: string; gateway: string; ethicsBoard: string };
  };
  keys: {
    directory: string;
    signingKeysFile: string | undefined;
    keyEncryptionKeys: string | undefined;
    pseudonymSecret: string | undefined;
    generateIfMissing: boolean;
  };
  /** Where `seed:demo` writes the demo organisations' private keys and the demo accounts' passwords. */
  demo: { directory: string };
  outbox: { pollIntervalMs: number; batchSize: number; reconcileIntervalMs: number; reconcileGraceMs: number };
  /** `port`: where a worker process serves its own /health and /metrics (the HTTP apps use their ports and METRICS_PORT). */
  worker: { concurrency: number; port: number };
  /** Job schedules: how often the worker checks that Redis still holds every schedule, re-adding any it lost. */
  schedules: { checkIntervalMs: number };
  /** Ask mode (個別確認): hours an approval request waits for the individual before it counts as denied. */
  consent: { approvalTimeoutHours: number; approvalReminderLeadMinutes: number };
  /**
   * E-mail (libs/rights): `smtp` sends through the SMTP server, `file` writes each message as an .eml
   * file into `directory` (development). `from` is the sender; links point at the portal's public URL.
   * `accountMailsPerHour` caps verification and reset mails per address (and four times that per client).
   */
  mail: {
    transport: 'smtp' | 'file';
    directory: string;
    from: string;
    smtp: {
      host: string;
      port: number;
      secure: boolean;
      user: string | undefined;
      password: string | undefined;
      passwordFile: string | undefined;
    };
    accountMailsPerHour: number;
  };
  /** Transfers: subjects per package part (at most 1,000) and hours a built part stays downloadable. */
  transfers: { partMaxSubjects: number; partTtlHours: number };
  /** Notice webhooks: allow plain-http loopback and private addresses (local development and tests only; never in production). */
  webhooks: { allowLocal: boolean };
  /** Withdrawal notices: minutes a recipient has to attest deletion before the notice is overdue. */
  notices: { dueMinutes: number };
  /** Public transparency statistics: counts below this minimum are published as suppressed, never as a number. */
  transparency: { minCell: number };
  /**
   * Disclosure requests (開示請求): days the bank promises a bundle within (the due date the board watches)
   * and seconds a download token lives.
   */
  disclosure: { dueDays: number; downloadTokenSeconds: number };
  /**
   * The complaints desk (苦情相談窓口): hours within which a complaint must get its first answer from the
   * desk, and days within which it must be closed; past either it is on the desk's overdue lists.
   */
  complaints: { firstReplyHours: number; resolveDays: number };
  /**
   * Key-encryption key generations (crypto-shredding that holds against backups): where their files
   * live, how often a new one is made, and how long backups are kept (no generation a kept backup
   * needs is destroyed).
   */
  kekGenerations: { directory: string; rotationDays: number; backupRetentionDays: number };
  /** Oversight: hours between the worker's full log verifications (0 turns the scheduled run off). */
  oversight: { logVerificationIntervalHours: number };
  /** Hardening (issue 14): proxies, password cost, registration throttle, body shape, operations endpoints. */
  hardening: HardeningConfig;
}

/** What the issue-14 hardening reads: who is a trusted proxy, how costly passwords are, and where /metrics and /docs live. */
export interface HardeningConfig {
  /** Addresses and CIDR ranges of reverse proxies whose X-Forwarded-For is believed (empty: none). */
  trustedProxies: string[];
  /** Origins besides the portal's own whose pages may use the browser's cookie sessions (`Origin` header, exact match). */
  webAllowedOrigins: string[];
  /** scrypt cost of new password hashes, as log2(N); at least 17 (OWASP) in production. */
  scryptLogN: number;
  /** scrypt computations one process runs at once (each takes 128·N·r bytes: 128 MiB at N=2^17). */
  scryptMaxConcurrency: number;
  /** New portal accounts one client address may open per hour. */
  registrationsPerAddressPerHour: number;
  /** Deepest nesting of arrays and objects a JSON body may have. */
  jsonMaxDepth: number;
  /** Internal port of /metrics and /docs for the portal (intake +1, gateway +2, ethics board +3); undefined: the public port. */
  metricsPort: number | undefined;
  /** Bearer token /metrics and /docs require, wherever they are served; undefined: none. */
  metricsToken: string | undefined;
}

/** One configuration variable: its name, default, whether it is a secret, and a line for the README. */
export interface VariableSpec {
  name: string;
  default?: string;
  secret?: boolean;
  requiredIn?: Environment[];
  description: string;
}

/** Every variable Infobank reads. The README's configuration table is checked against this list. */
export const CONFIG_VARIABLES: readonly VariableSpec[] = [
  { name: 'NODE_ENV', default: 'development', description: '`development`, `test` or `production`' },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino level: fatal, error, warn, info, debug, trace, silent' },
  { name: 'DATABASE_HOST', default: '127.0.0.1', description: 'PostgreSQL host' },
  { name: 'DATABASE_PORT', default: '5432', description: 'PostgreSQL port' },
  {
    name: 'DATABASE_USER',
    default: 'infobank_app',
    description: 'PostgreSQL role the apps and the worker connect as: neither owner nor superuser (`infobank_app` or a member of it)',
  },
  { name: 'DATABASE_PASSWORD', default: '', secret: true, description: 'password of DATABASE_USER' },
  {
    name: 'DATABASE_MIGRATION_USER',
    default: 'infobank_owner',
    description: 'PostgreSQL role that runs migrations (`db:migrate`, MIGRATE_AT_BOOT) and owns every table',
  },
  { name: 'DATABASE_MIGRATION_PASSWORD', default: '', secret: true, description: 'password of DATABASE_MIGRATION_USER' },
  {
    name: 'DATABASE_ADMIN_USER',
    default: 'postgres',
    description: 'superuser used only to create missing roles and the database (`db:roles`; `db:migrate` in development)',
  },
  { name: 'DATABASE_ADMIN_PASSWORD', default: '', secret: true, description: 'password of DATABASE_ADMIN_USER' },
  { name: 'DATABASE_NAME', default: 'infobank', description: 'PostgreSQL database' },
  { name: 'DATABASE_POOL_SIZE', default: '10', description: 'connections per process' },
  { name: 'DATABASE_SSL', default: 'false', description: 'connect to PostgreSQL over TLS' },
  {
    name: 'DATABASE_READ_HOST',
    default: '',
    description: 'host of a streaming replica for history, audit and transparency reads (empty: every read goes to the primary)',
  },
  { name: 'DATABASE_READ_PORT', default: '', description: 'port of the read replica (default: DATABASE_PORT)' },
  {
    name: 'DATABASE_READ_MAX_LAG_MS',
    default: '5000',
    description: 'replica reads stop while the replica is further behind the primary than this (milliseconds)',
  },
  {
    name: 'MIGRATE_AT_BOOT',
    default: 'false',
    description: 'run pending migrations at start (under an advisory lock) instead of `npm run migrate`',
  },
  { name: 'REDIS_HOST', default: '127.0.0.1', description: 'Redis host' },
  { name: 'REDIS_PORT', default: '6379', description: 'Redis port' },
  { name: 'REDIS_PASSWORD', secret: true, description: 'Redis password (none by default)' },
  { name: 'REDIS_PREFIX', default: 'infobank', description: 'prefix of every Redis key (BullMQ uses it as a Cluster hash tag)' },
  {
    name: 'REDIS_CLUSTER_NODES',
    description: 'comma-separated `host:port` seed nodes of a Redis Cluster; when set, REDIS_HOST and REDIS_PORT are unused',
  },
  { name: 'HTTP_HOST', default: '127.0.0.1', description: 'address the HTTP apps listen on (`0.0.0.0` in containers)' },
  { name: 'HTTP_BODY_LIMIT_BYTES', default: '1048576', description: 'largest accepted request body; larger bodies get 413' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', description: 'how long a stopping process waits for in-flight work' },
  { name: 'PORTAL_PORT', default: '3000', description: 'individuals’ portal port' },
  { name: 'INTAKE_PORT', default: '3001', description: 'providers’ intake API port' },
  { name: 'GATEWAY_PORT', default: '3002', description: 'recipients’ gateway API port' },
  { name: 'ETHICS_BOARD_PORT', default: '3003', description: 'data ethics board port' },
  { name: 'PORTAL_PUBLIC_URL', default: 'http://localhost:3000', description: 'URL individuals use to reach the portal' },
  { name: 'INTAKE_PUBLIC_URL', default: 'http://localhost:3001', description: 'URL providers use to reach intake' },
  { name: 'GATEWAY_PUBLIC_URL', default: 'http://localhost:3002', description: 'URL recipients use to reach the gateway' },
  { name: 'ETHICS_BOARD_PUBLIC_URL', default: 'http://localhost:3003', description: 'URL board members use' },
  { name: 'BANK_KEYS_DIR', default: '.data/keys', description: 'where development key material is generated and read' },
  {
    name: 'BANK_SIGNING_KEYS_FILE',
    secret: true,
    requiredIn: ['production'],
    description: 'JSON file of the bank’s Ed25519 signing keys (development: generated in BANK_KEYS_DIR)',
  },
  {
    name: 'BANK_KEK',
    secret: true,
    requiredIn: ['production'],
    description: 'key-encryption keys, `kid:base64url(32 bytes)[,…]`, first is current (development: generated)',
  },
  {
    name: 'BANK_PSEUDONYM_SECRET',
    secret: true,
    requiredIn: ['production'],
    description: 'base64url secret (≥32 bytes) for recipients’ pseudonymous subject ids (development: generated)',
  },
  {
    name: 'DEMO_DATA_DIR',
    default: '.data/demo',
    description: 'where `seed:demo` writes demo organisations’ private keys and demo accounts’ passwords (development only)',
  },
  { name: 'OUTBOX_POLL_INTERVAL_MS', default: '200', description: 'how often the relay looks for new outbox rows' },
  { name: 'OUTBOX_BATCH_SIZE', default: '200', description: 'rows the relay claims at once' },
  {
    name: 'OUTBOX_RECONCILE_INTERVAL_MS',
    default: '15000',
    description: 'how often dispatched-but-unfinished rows are checked against Redis',
  },
  {
    name: 'OUTBOX_RECONCILE_GRACE_MS',
    default: '5000',
    description: 'how long after dispatch a row may be missing from Redis before it is re-enqueued',
  },
  { name: 'WORKER_CONCURRENCY', default: '8', description: 'jobs one worker process runs at once per queue' },
  {
    name: 'WORKER_PORT',
    default: '3004',
    description: 'internal port where each worker process serves `/health` and `/metrics` (METRICS_TOKEN applies to `/metrics`)',
  },
  {
    name: 'SCHEDULE_CHECK_INTERVAL_MS',
    default: '2000',
    description: 'how often the worker re-adds any job schedule Redis lost (a flush, a failover)',
  },
  {
    name: 'APPROVAL_TIMEOUT_HOURS',
    default: '72',
    description: 'hours an ask-mode approval request waits for the individual; no answer by then is a denial',
  },
  {
    name: 'APPROVAL_REMINDER_MINUTES',
    default: '1440',
    description: 'minutes before an approval request expires that its one reminder mail goes out (none if the wait is shorter)',
  },
  {
    name: 'MAIL_TRANSPORT',
    description: '`smtp` (send through SMTP_HOST) or `file` (write .eml files into MAIL_DIR); default `file`, `smtp` in production',
  },
  { name: 'MAIL_DIR', default: '.data/mail', description: 'where `MAIL_TRANSPORT=file` writes each message as an .eml file' },
  {
    name: 'SMTP_FROM',
    default: 'no-reply@localhost',
    description: 'sender of every mail, e.g. `Infobank <no-reply@bank.example.jp>` (set one in production)',
  },
  { name: 'SMTP_HOST', default: '127.0.0.1', description: 'SMTP server the mail is sent through' },
  { name: 'SMTP_PORT', default: '587', description: 'SMTP port (587 submission with STARTTLS, 465 with SMTP_SECURE)' },
  { name: 'SMTP_SECURE', default: 'false', description: 'connect with TLS from the start (port 465); otherwise STARTTLS when offered' },
  { name: 'SMTP_USER', description: 'SMTP user name (none: no authentication)' },
  { name: 'SMTP_PASSWORD', secret: true, description: 'SMTP password' },
  { name: 'SMTP_PASSWORD_FILE', description: 'file holding the SMTP password (a Docker or Kubernetes secret), read when sending' },
  {
    name: 'ACCOUNT_MAILS_PER_HOUR',
    default: '5',
    description: 'verification and password-reset mails one address may be sent per hour (a client address may ask for 4× as many)',
  },
  { name: 'TRANSFER_PART_MAX_SUBJECTS', default: '1000', description: 'subjects in one package part (one JWE each), 1 to 1000' },
  {
    name: 'TRANSFER_PART_TTL_HOURS',
    default: '24',
    description: 'hours a built package part can be downloaded; then its bytes are deleted',
  },
  {
    name: 'WEBHOOK_ALLOW_LOCAL',
    default: 'false',
    description: 'let notice webhooks reach loopback and private addresses (development and tests only; not production)',
  },
  {
    name: 'TRANSPARENCY_MIN_CELL',
    default: '10',
    description: 'smallest count the public transparency statistics publish; smaller cells are shown as suppressed',
  },
  {
    name: 'DISCLOSURE_DUE_DAYS',
    default: '14',
    description: 'days within which a disclosure request (開示請求) must be ready; later ones count as overdue for the board',
  },
  {
    name: 'DISCLOSURE_TOKEN_SECONDS',
    default: '60',
    description: 'seconds a single-use disclosure download token stays valid',
  },
  {
    name: 'COMPLAINT_FIRST_REPLY_HOURS',
    default: '72',
    description:
      'hours (a decimal, e.g. `72` or `0.5`) the complaints desk has to give a complaint its first answer; then it is overdue for a first reply',
  },
  {
    name: 'COMPLAINT_RESOLVE_DAYS',
    default: '30',
    description: 'days (a decimal) the complaints desk has to close a complaint with an explanation; then it is overdue for resolution',
  },
  {
    name: 'NOTICE_DUE_MINUTES',
    default: '10080',
    description: 'minutes a recipient has to attest deletion after a withdrawal notice (default 7 days); then it is overdue',
  },
  {
    name: 'BANK_KEK_DIR',
    description:
      'directory of the key-encryption key generations, one owner-only file each, shared by every process and never in a database backup (default: `BANK_KEYS_DIR/kek-generations`)',
  },
  {
    name: 'KEK_ROTATION_DAYS',
    default: '30',
    description: 'days after which the worker makes a new key-encryption key generation and re-wraps every data key under it',
  },
  {
    name: 'BACKUP_RETENTION_DAYS',
    default: '35',
    description: 'days database backups are kept; a drained key-encryption key generation is destroyed only after this long',
  },
  {
    name: 'LOG_VERIFICATION_EVERY_HOURS',
    default: '24',
    description:
      "hours between the worker's full transparency-log verifications (a failed one raises a board notification); 0 turns the scheduled run off",
  },
  // Hardening (issue 14): behind a proxy, password cost, registration throttle, bodies, operations endpoints.
  {
    name: 'TRUSTED_PROXIES',
    description: 'comma-separated addresses or CIDRs of reverse proxies whose `X-Forwarded-For` is believed (none by default)',
  },
  {
    name: 'SCRYPT_LOG_N',
    default: '17',
    description: 'scrypt cost of new password hashes as log2(N), 14 to 20; at least 17 in production',
  },
  {
    name: 'SCRYPT_MAX_CONCURRENCY',
    default: '2',
    description: 'password hashes one process computes at once (128 MiB each at N=2^17); sign-in keeps one of them for itself',
  },
  { name: 'REGISTRATIONS_PER_HOUR', default: '10', description: 'portal accounts one client address may open per hour' },
  { name: 'JSON_MAX_DEPTH', default: '32', description: 'deepest nesting of arrays and objects in a JSON body; deeper bodies get 400' },
  {
    name: 'METRICS_PORT',
    description:
      'internal port serving `/metrics` and `/docs` instead of the public one: the portal’s; intake +1, gateway +2, ethics board +3 (unset: public port, except in production)',
  },
  {
    name: 'WEB_ALLOWED_ORIGINS',
    description: "origins (comma-separated, e.g. `https://app.example.jp`) besides the portal's own that may use cookie sessions",
  },
  { name: 'METRICS_TOKEN', secret: true, description: 'bearer token `/metrics` and `/docs` require (≥32 characters; unset: none)' },
];

/** The suffix naming a file a secret is read from instead (Docker and Kubernetes secrets): `DATABASE_PASSWORD_FILE`. */
export const SECRET_FILE_SUFFIX = '_FILE';

/**
 * The secrets that may be read from a file named by `<NAME>_FILE`: every secret that is not itself a file
 * and has no `<NAME>_FILE` variable of its own (SMTP_PASSWORD_FILE is read when each mail is sent).
 */
export const FILE_READABLE_SECRETS: readonly string[] = CONFIG_VARIABLES.filter(
  (variable) =>
    variable.secret === true &&
    !variable.name.endsWith(SECRET_FILE_SUFFIX) &&
    !CONFIG_VARIABLES.some((other) => other.name === `${variable.name}${SECRET_FILE_SUFFIX}`),
).map((variable) => variable.name);

/** Every environment variable the configuration accepts: the variables, and `<NAME>_FILE` for each secret. */
export const ACCEPTED_VARIABLES: readonly string[] = [
  ...CONFIG_VARIABLES.map((variable) => variable.name),
  ...FILE_READABLE_SECRETS.map((name) => `${name}${SECRET_FILE_SUFFIX}`),
];
