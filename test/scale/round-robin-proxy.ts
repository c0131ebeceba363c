// A small reverse proxy in front of the instances of one HTTP app (node:http only): each request goes to
// the next instance in turn; an instance that refuses the connection is skipped for that request, so a
// dead instance costs a retry, not an error. Requests are never retried once an instance took them.
import { request, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own, never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

export class RoundRobinProxy {
  private next = 0;
  /** Requests forwarded per instance port (the report shows that both instances served). */
  readonly served = new Map<number, number>();

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly upstreams: readonly number[],
    private readonly server: Server,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on `port` and forwards to 127.0.0.1 on each of `upstreams` in turn. */
  static async start(name: string, port: number, upstreams: readonly number[]): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(name, port, upstreams, server);
    server.on('request', (incoming, outgoing) => proxy.forward(incoming, outgoing));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    // The body is read once, so that a request an instance refused can go to the next one unchanged.
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => this.attempt(incoming, Buffer.concat(chunks), outgoing, 0));
  }

  private attempt(incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse, tried: number): void {
    const upstream = this.upstreams[this.next % this.upstreams.length];
    this.next += 1;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined && !HOP_BY_HOP.includes(name)) headers[name] = value;
    }
    const address = incoming.socket.remoteAddress ?? '127.0.0.1';
    headers['x-forwarded-for'] = incoming.headers['x-forwarded-for'] ? `${incoming.headers['x-forwarded-for']}, ${address}` : address;
    headers['content-length'] = String(body.length);
    const upstreamRequest = request(
      { host: '127.0.0.1', port: upstream, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        this.served.set(upstream, (this.served.get(upstream) ?? 0) + 1);
        const answerHeaders: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.includes(name)) answerHeaders[name] = value;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', (error: NodeJS.ErrnoException) => {
      // Refused before the instance saw the request: the next instance may take it.
      if (error.code === 'ECONNREFUSED' && tried + 1 < this.upstreams.length) {
        this.attempt(incoming, body, outgoing, tried + 1);
        return;
      }
      if (!outgoing.headersSent) {
        outgoing.writeHead(502, { 'content-type': 'application/problem+json' });
        outgoing.end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, code: 'UPSTREAM_UNAVAILABLE' }));
      } else {
        outgoing.destroy();
      }
    });
    upstreamRequest.end(body);
  }
}
