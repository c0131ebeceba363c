import { Writable } from 'node:stream';
import { runInLogScope } from '../context/request-context';
import { createLogger } from './logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('createLogger', () => {
  it('redacts authorisation headers, tokens, passwords and data payloads', () => {
    const output = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination: output.stream });
    logger.info(
      {
        req: { headers: { authorization: 'DPoP eyJhbGciOi.secret', dpop: 'eyJ0eXAi.proof', cookie: 'session=abc' } },
        password: 'hunter2',
        body: { refresh_token: 'rt-123', client_assertion: 'eyJ.assertion', data: { name: '山田太郎' } },
        record: { data: { phone: '090-0000-0000' } },
        recordId: 'kept-visible',
      },
      'request',
    );
    const [line] = output.lines();
    const text = JSON.stringify(line);
    for (const secret of [
      'eyJhbGciOi.secret',
      'eyJ0eXAi.proof',
      'session=abc',
      'hunter2',
      'rt-123',
      'eyJ.assertion',
      '山田太郎',
      '090-0000-0000',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(line.recordId).toBe('kept-visible');
    expect(line).toMatchObject({ level: 'info', service: 'test', msg: 'request' });
  });

  it('stamps each line with the correlation id of the current request', () => {
    const output = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination: output.stream });
    runInLogScope({ correlationId: 'corr-42' }, () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = output.lines();
    expect(inside.correlationId).toBe('corr-42');
    expect(outside).not.toHaveProperty('correlationId');
  });
});
