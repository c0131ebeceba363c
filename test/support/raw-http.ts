// HTTP at the socket: for what fetch cannot do, such as announcing a large body and sending only its
// first bytes, to see whether the server answers before reading the rest.
import { connect } from 'node:net';

/** An answer read off the socket: status, lower-cased headers, the JSON body, and how long it took. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: any;
  elapsedMs: number;
}

/**
 * Sends the request head (with its Content-Length as given) and `bodyStart`, never the rest, and
 * resolves with the answer once it is complete. Rejects if none arrives within `timeoutMs`: a server
 * that waits for the announced body never answers.
 */
export function sendHeadAndFirstBytes(
  url: string,
  request: { method: string; headers: Record<string, string>; bodyStart: string },
  timeoutMs: number,
): Promise<RawAnswer> {
  const target = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname);
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer within ${timeoutMs} ms: the server is waiting for the body.`));
    }, timeoutMs);
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseAnswer(received, Date.now() - started);
      if (answer === undefined) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    });
    socket.on('connect', () => {
      const head = [`${request.method} ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`];
      for (const [name, value] of Object.entries(request.headers)) head.push(`${name}: ${value}`);
      socket.write(`${head.join('\r\n')}\r\n\r\n${request.bodyStart}`);
    });
  });
}

function parseAnswer(received: Buffer, elapsedMs: number): RawAnswer | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = received.subarray(end + 4);
  if (body.length < length) return undefined;
  const text = body.subarray(0, length).toString('utf8');
  return { status: Number(statusLine.split(' ')[1]), headers, body: text === '' ? undefined : JSON.parse(text), elapsedMs };
}
