import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A free TCP port on the loopback interface, for a listener whose port must be known before it starts
 * (an app's public URL, a Redis of a suite's own). Chosen below the kernel's ephemeral range (32768 and
 * up on Linux): a port handed out by `listen(0)` and closed again can be taken by any outgoing
 * connection before the listener binds it; one from below the range only by another listener.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port below the ephemeral range after 50 tries');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A throwaway redis-server of a suite's own, for tests that must FLUSHALL or stop Redis without
 * disturbing the suites running beside them on the machine's shared Redis.
 */
export class PrivateRedis {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const redis = new PrivateRedis(port, child);
    const client = redis.client();
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.ping();
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    client.disconnect();
    return redis;
  }

  client(): Redis {
    return new Redis({ host: '127.0.0.1', port: this.port, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  }

  async flushAll(): Promise<void> {
    const client = this.client();
    await client.flushall();
    client.disconnect();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}
