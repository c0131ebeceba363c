// A small TCP proxy (node:net) in front of PostgreSQL or Redis, which the fault schedule turns into a
// bad network: added latency, connection resets, and a hang that forwards nothing for longer than the
// pools' timeouts and then heals, as a partition does.
import { createServer, Socket, type Server } from 'node:net';

/** What the proxy does to traffic right now. */
export type ProxyMode = { kind: 'pass' } | { kind: 'latency'; ms: number } | { kind: 'hang' };

interface Pair {
  client: Socket;
  upstream: Socket;
}

export class FaultProxy {
  private mode: ProxyMode = { kind: 'pass' };
  private readonly pairs = new Set<Pair>();
  private readonly held = new Set<Pair>();

  private constructor(
    readonly name: string,
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on `port` (loopback) and forwards every connection to `targetPort`. */
  static async start(name: string, port: number, targetPort: number): Promise<FaultProxy> {
    const connections: { proxy?: FaultProxy } = {};
    const server = createServer({ noDelay: true }, (client) => connections.proxy?.accept(client, targetPort));
    const proxy = new FaultProxy(name, server, port);
    connections.proxy = proxy;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Latency on every chunk in both directions until `pass()`. */
  delay(ms: number): void {
    this.mode = { kind: 'latency', ms };
  }

  /** Forwards nothing (open connections and new ones stall) until `pass()`. */
  hang(): void {
    this.mode = { kind: 'hang' };
    for (const pair of this.pairs) this.hold(pair);
  }

  /** Back to a healthy network; stalled connections resume with what they had buffered. */
  pass(): void {
    this.mode = { kind: 'pass' };
    for (const pair of [...this.held]) {
      this.held.delete(pair);
      pair.client.resume();
      pair.upstream.resume();
    }
  }

  /** Resets every open connection (RST to both sides), as a dropped route or a restarted middlebox does. */
  reset(): number {
    const count = this.pairs.size;
    for (const pair of [...this.pairs]) {
      pair.client.resetAndDestroy();
      pair.upstream.resetAndDestroy();
      this.forget(pair);
    }
    return count;
  }

  async close(): Promise<void> {
    this.pass();
    for (const pair of [...this.pairs]) {
      pair.client.destroy();
      pair.upstream.destroy();
      this.forget(pair);
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, targetPort: number): void {
    const upstream = new Socket();
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      this.forget(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pause();
    upstream.connect(targetPort, '127.0.0.1', () => {
      this.pipe(client, upstream);
      this.pipe(upstream, client);
      if (this.mode.kind === 'hang') this.hold(pair);
      else client.resume();
    });
  }

  /** Forwards `from` to `to`, delaying each chunk while the mode says so (order is kept: one timer chain). */
  private pipe(from: Socket, to: Socket): void {
    let chain = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const mode = this.mode;
      if (mode.kind !== 'latency') {
        chain = chain.then(() => void (to.destroyed || to.write(chunk)));
        return;
      }
      chain = chain.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (!to.destroyed) to.write(chunk);
              resolve();
            }, mode.ms),
          ),
      );
    });
  }

  private hold(pair: Pair): void {
    this.held.add(pair);
    pair.client.pause();
    pair.upstream.pause();
  }

  private forget(pair: Pair): void {
    this.pairs.delete(pair);
    this.held.delete(pair);
  }
}
