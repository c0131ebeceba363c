import { Writable } from 'node:stream';
import { runInLogScope } from '../../context/application/request-context';
import { QueryFailedError } from 'typeorm';
import { createLogger, withoutQuotedValues } from './logger';

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

  it('logs a failed query without its parameters, the row Postgres echoes, or values quoted in messages', () => {
    const output = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination: output.stream });
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_accounts_kind_email"'), {
      code: '23505',
      constraint: 'uq_accounts_kind_email',
      detail: 'Key (kind, email)=(individual, hanako@example.jp) already exists.',
    });
    const failed = new QueryFailedError(
      'INSERT INTO "accounts" ("email", "password_hash") VALUES ($1, $2)',
      ['hanako@example.jp', '$scrypt$v=1$ln=17'],
      driverError,
    );
    const invalid = new Error('invalid input syntax for type uuid: "山田花子"');
    logger.error({ err: failed }, 'unhandled error');
    logger.error({ err: new Error('wrapped', { cause: invalid }) }, 'unhandled error');
    const text = JSON.stringify(output.lines());
    for (const personal of ['hanako@example.jp', '$scrypt$', '山田花子', '"parameters"']) expect(text).not.toContain(personal);
    const [first] = output.lines();
    expect(first.err).toMatchObject({ code: '23505', constraint: 'uq_accounts_kind_email', query: expect.stringContaining('INSERT INTO') });
  });

  it('removes quoted values and TypeORM search criteria from messages, keeping the rest', () => {
    expect(withoutQuotedValues('invalid input syntax for type uuid: "abc"')).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(withoutQuotedValues('value "99999999999" is out of range for type integer')).toBe(
      'value "[redacted]" is out of range for type integer',
    );
    expect(withoutQuotedValues('Could not find any entity of type "AccountEntity" matching: {\n "email": "a@b.jp"\n}')).toBe(
      'Could not find any entity of type "AccountEntity" matching: [redacted]',
    );
    expect(withoutQuotedValues('null value in column "email" of relation "accounts"')).toBe(
      'null value in column "email" of relation "accounts"',
    );
  });
});
