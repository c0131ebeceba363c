// The chaos run's own PostgreSQL cluster and Redis, on spare ports in a temporary directory, so that
// killing and restarting them never disturbs the machine's development services.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** Debian's PostgreSQL 15 binaries (initdb and pg_ctl are not on PATH there). */
export const POSTGRES_BIN = process.env.CHAOS_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const START_TIMEOUT_MS = 30_000;

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * PostgreSQL refuses to run as root: as root (a container, CI), its binaries run as the system user
 * `postgres` through runuser, and the cluster's directory is handed to that user.
 */
const asRoot = userInfo().uid === 0;

/** A PostgreSQL 15 cluster in `directory`, superuser `postgres` with trust authentication on loopback only. */
export class PostgresCluster {
  private constructor(
    readonly directory: string,
    readonly port: number,
  ) {}

  static async create(directory: string, port: number): Promise<PostgresCluster> {
    if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
      throw new Error(`The chaos run needs PostgreSQL 15's initdb in ${POSTGRES_BIN} (set CHAOS_POSTGRES_BIN)`);
    }
    const data = join(directory, 'data');
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (asRoot) {
      const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (uid.status !== 0 || gid.status !== 0) throw new Error('Running as root, the chaos run needs the system user postgres');
      chownSync(directory, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
    }
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    // fsync is off: the faults kill processes, not the machine, so the OS page cache survives every crash.
    const settings = join(data, 'postgresql.auto.conf');
    writeFileSync(
      settings,
      [
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${directory}'`,
        'max_connections = 200',
        'fsync = off',
        'shared_buffers = 64MB',
        `log_min_messages = warning`,
      ].join('\n') + '\n',
    );
    if (asRoot) spawnSync('chown', ['postgres:postgres', settings]);
    const cluster = new PostgresCluster(directory, port);
    await cluster.start();
    return cluster;
  }

  /**
   * A streaming replica of `primary` (`pg_basebackup -R`: a hot standby that follows the primary's WAL) in
   * `directory`, listening on `port`, with extra `settings` such as `recovery_min_apply_delay = '3s'`.
   */
  static async createReplica(primary: PostgresCluster, directory: string, port: number, settings: string[] = []): Promise<PostgresCluster> {
    const data = join(directory, 'data');
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (asRoot) spawnSync('chown', ['postgres:postgres', directory]);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ]);
    // The copied settings name the primary's port and socket directory; later lines win.
    const overrides = [`port = ${port}`, `unix_socket_directories = '${directory}'`, 'hot_standby = on', ...settings];
    appendFileSync(join(data, 'postgresql.auto.conf'), overrides.join('\n') + '\n');
    const cluster = new PostgresCluster(directory, port);
    await cluster.start();
    return cluster;
  }

  get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  async start(): Promise<void> {
    run('pg_ctl', ['-D', this.dataDirectory, '-l', join(this.directory, 'postgres.log'), '-w', '-t', '30', 'start']);
    await this.untilAnswering();
  }

  /** `pg_ctl -m immediate`: every backend dies at once and the next start runs crash recovery. */
  async restartImmediately(): Promise<void> {
    run('pg_ctl', ['-D', this.dataDirectory, '-m', 'immediate', '-w', 'stop']);
    await this.start();
  }

  /** Stops the cluster if it runs; never throws (clean-up). */
  stop(): void {
    if (!existsSync(join(this.dataDirectory, 'postmaster.pid'))) return;
    const [command, ...args] = commandLine('pg_ctl', ['-D', this.dataDirectory, '-m', 'immediate', '-w', 'stop']);
    spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  }

  /** A superuser client on `database`, straight to the cluster (never through the proxy). */
  async client(database = 'postgres'): Promise<Client> {
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', database, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  private async untilAnswering(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      try {
        const client = await this.client();
        await client.end();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }
}

function commandLine(binary: string, args: string[]): string[] {
  const path = join(POSTGRES_BIN, binary);
  return asRoot ? ['runuser', '-u', 'postgres', '--', path, ...args] : [path, ...args];
}

function run(binary: string, args: string[]): void {
  const [command, ...rest] = commandLine(binary, args);
  const result = spawnSync(command, rest, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** A redis-server without persistence: a kill or a flush loses everything it held, as the faults intend. */
export class RedisServer {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      try {
        await this.command((redis) => redis.ping());
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
  }

  /** `kill -9` and wait for the exit. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async flushAll(): Promise<void> {
    await this.command((redis) => redis.flushall());
  }

  /** Runs one command on a short-lived client straight to the server (never through the proxy). */
  async command<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({
      host: '127.0.0.1',
      port: this.port,
      lazyConnect: true,
      connectTimeout: 1_000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }
}
