import pino from 'pino';
import { DomainError } from '../../errors/domain/domain-error';
import { toProblemDetails } from './problem-details';

describe('problem details of a domain error', () => {
  const logger = pino({ level: 'silent' });

  it('carries the extension members the error defines, next to the standard ones', () => {
    const error = new DomainError('TERMS_ACCEPTANCE_REQUIRED', 'Accept the terms first.', { extensions: { version: '2026-12' } });
    expect(toProblemDetails(error, { TERMS_ACCEPTANCE_REQUIRED: 403 }, logger)).toEqual({
      version: '2026-12',
      type: 'urn:infobank:problem:terms-acceptance-required',
      title: 'Terms acceptance required',
      status: 403,
      code: 'TERMS_ACCEPTANCE_REQUIRED',
      detail: 'Accept the terms first.',
    });
  });

  it('never lets an extension replace a standard member', () => {
    const error = new DomainError('SOME_CODE', 'detail', { extensions: { status: 200, code: 'OTHER', detail: 'x' } });
    expect(toProblemDetails(error, { SOME_CODE: 409 }, logger)).toMatchObject({ status: 409, code: 'SOME_CODE', detail: 'detail' });
  });
});
