// A Redis Cluster of three primaries on this machine: three redis-server processes with cluster-enabled,
// joined by `redis-cli --cluster create`, each node's state in a directory of the run's own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sleep } from '../chaos/services';

const READY_TIMEOUT_MS = 30_000;
/** A node's cluster bus listens on its port + 10000. */
const BUS_OFFSET = 10_000;

/**
 * A port below the kernel's ephemeral range (32768 and up), so that no outgoing connection can take it
 * between this check and the listener; `withBus` also asks for the Redis Cluster bus port above it.
 */
export async function sparePort(withBus = false): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = withBus ? 20_000 + Math.floor(Math.random() * 2_700) : 23_000 + Math.floor(Math.random() * 7_000);
    if ((await canListen(port)) && (!withBus || (await canListen(port + BUS_OFFSET)))) return port;
  }
  throw new Error('no spare port below the ephemeral range after 100 tries');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export class RedisCluster {
  private readonly children: ChildProcess[] = [];

  private constructor(readonly ports: readonly number[]) {}

  /** `host:port,…` as REDIS_CLUSTER_NODES wants it. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  /** Starts `size` primaries without persistence under `directory` and joins them into one cluster. */
  static async create(directory: string, size = 3): Promise<RedisCluster> {
    const ports: number[] = [];
    while (ports.length < size) {
      const port = await sparePort(true);
      if (!ports.includes(port)) ports.push(port);
    }
    const cluster = new RedisCluster(ports);
    try {
      for (const port of ports) await cluster.startNode(directory, port);
      const created = spawnSync(
        'redis-cli',
        ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
      await cluster.untilStateOk();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Which node serves each key's slot (for the report: the queues' hash tag lands on one of them). */
  async nodeOfKey(key: string): Promise<string> {
    return this.command(this.ports[0], async (redis) => {
      const slot = (await redis.call('CLUSTER', 'KEYSLOT', key)) as number;
      const ranges = (await redis.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      return range === undefined ? 'unassigned' : `${range[2][0]}:${range[2][1]} (slot ${slot})`;
    });
  }

  /** Keys per node, to show that the app's keys spread over the primaries. */
  async keysPerNode(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const port of this.ports) counts[`127.0.0.1:${port}`] = await this.command(port, (redis) => redis.dbsize());
    return counts;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.splice(0).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
  }

  private async startNode(directory: string, port: number): Promise<void> {
    const nodeDirectory = join(directory, `redis-${port}`);
    mkdirSync(nodeDirectory, { recursive: true });
    // Arguments for redis-server: no persistence, cluster state in the node's own directory.
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        nodeDirectory,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        '5000',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    );
    this.children.push(child);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        await this.command(port, (redis) => redis.ping());
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
  }

  private async untilStateOk(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const states = await Promise.all(this.ports.map((port) => this.command(port, (redis) => redis.call('CLUSTER', 'INFO'))));
      if (states.every((info) => String(info).includes('cluster_state:ok'))) return;
      if (Date.now() > deadline) throw new Error('the Redis Cluster did not reach cluster_state:ok');
      await sleep(200);
    }
  }

  /** One command on a short-lived plain client straight to one node. */
  private async command<T>(port: number, work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({
      host: '127.0.0.1',
      port,
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
