import { Body, Controller, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@infobank/platform';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { postRaw, RunningApp, startTestApp } from '../../support/http-app';

class ProbeDto {
  @ApiProperty() @IsString() @MaxLength(2000) name: string;
  @ApiProperty() @IsInt() @Min(0) count: number;
}

class ProbeRefusedError extends DomainError<'PROBE_REFUSED'> {
  constructor() {
    super('PROBE_REFUSED', 'The probe refused this request.');
  }
}

@Controller('probe')
class ProbeController {
  @Post()
  accept(@Body() body: ProbeDto): { accepted: ProbeDto } {
    if (body.name === 'refuse') throw new ProbeRefusedError();
    if (body.name === 'crash') throw new Error('secret internal detail: password=hunter2');
    return { accepted: body };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('problem+json errors from the shared HTTP bootstrap', () => {
  let running: RunningApp;
  let probe: string;

  beforeAll(async () => {
    running = await startTestApp(ProbeModule, { HTTP_BODY_LIMIT_BYTES: '2048' }, { PROBE_REFUSED: 409 });
    probe = `${running.url}/probe`;
  });
  afterAll(() => running.close());

  it('accepts a valid body', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'ok', count: 2 }));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ accepted: { name: 'ok', count: 2 } });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await postRaw(probe, '{"name": "ok", count: }');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: expect.stringMatching(/^urn:/),
      title: expect.any(String),
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
  });

  it('names the field of a wrong type', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'ok', count: '2' }));
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(response.body.errors).toContainEqual({ path: '/count', message: 'must be an integer number' });
    expect(response.body.errors.every((error: { path: string }) => error.path === '/count')).toBe(true);
  });

  it('rejects an unknown field by name', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'ok', count: 1, isAdmin: true }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ path: '/isAdmin', message: 'is not an allowed field' }]);
  });

  it('rejects a body that is not an object', async () => {
    const response = await postRaw(probe, JSON.stringify([1, 2]));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'x'.repeat(4000), count: 1 }));
    expect(response.status).toBe(413);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain'])('answers %s with 415 problem+json', async (contentType) => {
    const response = await postRaw(probe, 'name=ok', contentType);
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps a domain error code to the status the app gave it', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'refuse', count: 1 }));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PROBE_REFUSED', detail: 'The probe refused this request.' });
  });

  it('answers an unexpected error with 500 carrying only an errorId that the log also carries', async () => {
    const response = await postRaw(probe, JSON.stringify({ name: 'crash', count: 1 }));
    expect(response.status).toBe(500);
    expect(Object.keys(response.body).sort()).toEqual(['code', 'errorId', 'instance', 'status', 'title', 'type']);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    const logged = running.log.entries().find((entry) => entry.errorId === response.body.errorId);
    expect(logged).toMatchObject({
      level: 'error',
      err: expect.objectContaining({ message: expect.stringContaining('secret internal detail') }),
    });
  });

  it('answers an unknown route with 404 problem+json and echoes the correlation id', async () => {
    const response = await fetch(`${running.url}/no-such-thing`, { headers: { 'x-correlation-id': 'trace-123' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('x-correlation-id')).toBe('trace-123');
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });
});
