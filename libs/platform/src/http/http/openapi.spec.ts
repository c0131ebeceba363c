import { CanActivate, Controller, Get, Injectable, Module, Param, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiNotFoundResponse, ApiOkResponse, OpenAPIObject } from '@nestjs/swagger';
import { ApiErrors, ApiPublic, buildOpenApiDocument, GuardedBy, renderOpenApiDocument, type OpenApiDescription } from './openapi';

@Injectable()
@GuardedBy('individualBearer', 'UNAUTHENTICATED')
class PersonGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

@Controller('things')
@UseGuards(PersonGuard)
@ApiErrors('THING_NOT_FOUND')
class ThingsController {
  @Get(':id')
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrors('THING_LOCKED')
  @ApiNotFoundResponse({ description: 'THING_NOT_FOUND: no such thing, or another person’s' })
  one(@Param('id') id: string): object {
    return { id };
  }
}

@Controller('open')
class OpenController {
  @Get()
  @ApiPublic()
  @ApiOkResponse({ schema: { type: 'string' } })
  read(): string {
    return 'open';
  }

  @Get('forgotten')
  @ApiOkResponse({ schema: { type: 'string' } })
  forgotten(): string {
    return 'no guard, not marked public';
  }
}

@Module({ controllers: [ThingsController, OpenController], providers: [PersonGuard] })
class ThingsModule {}

const MAP = { UNAUTHENTICATED: 401, THING_NOT_FOUND: 404, THING_LOCKED: 423, VALIDATION_FAILED: 400 };

async function documentFor(description: Partial<OpenApiDescription> = {}): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ThingsModule, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app, { title: 't', description: 'd', statusByCode: MAP, ...description });
  } finally {
    await app.close();
  }
}

describe('buildOpenApiDocument', () => {
  it('answers every code with the status the app’s map gives it, as problem+json naming the shared schema', async () => {
    const responses = (await documentFor()).paths['/things/{id}'].get!.responses as Record<string, any>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '404', '423']);
    expect(responses['404']['x-error-codes']).toEqual(['THING_NOT_FOUND']);
    expect(responses['404'].description).toBe('`THING_NOT_FOUND`: no such thing, or another person’s');
    expect(responses['423']['x-error-codes']).toEqual(['THING_LOCKED']);
    expect(responses['401']['x-error-codes']).toEqual(['UNAUTHENTICATED']);
    expect(responses['400']['x-error-codes']).toEqual(['VALIDATION_FAILED']);
    expect(responses['423'].content['application/problem+json'].schema.allOf[0]).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('moves a code to the status the map gives it, whatever status the route wrote it under', async () => {
    const responses = (await documentFor({ statusByCode: { ...MAP, THING_NOT_FOUND: 410 } })).paths['/things/{id}'].get!
      .responses as Record<string, any>;
    expect(responses['410']['x-error-codes']).toEqual(['THING_NOT_FOUND']);
    expect(responses['404']).toBeUndefined();
  });

  it('refuses a code the app has no status for, unless told to omit it', async () => {
    const { THING_LOCKED: _locked, ...partial } = MAP;
    await expect(documentFor({ statusByCode: partial })).rejects.toThrow(/GET \/things\/\{id\} documents error codes .*THING_LOCKED/);
    const responses = (await documentFor({ statusByCode: partial, unknownCodes: 'omit' })).paths['/things/{id}'].get!.responses;
    expect(Object.keys(responses)).not.toContain('423');
  });

  it('takes security from the guards, marks public routes, and leaves an unmarked unguarded route without security', async () => {
    const document = await documentFor();
    expect(document.paths['/things/{id}'].get!.security).toEqual([{ individualBearer: [] }]);
    expect(document.paths['/open'].get!.security).toEqual([]);
    expect((document.paths['/open'].get as unknown as Record<string, unknown>)['x-public']).toBe(true);
    expect(document.paths['/open/forgotten'].get!.security).toBeUndefined();
    expect(Object.keys(document.components!.securitySchemes!)).toEqual(['individualBearer']);
    expect(document.components!.schemas!.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
  });

  it('renders with sorted keys, so the same routes always give the same bytes', async () => {
    const rendered = renderOpenApiDocument(await documentFor());
    expect(rendered).toBe(renderOpenApiDocument(JSON.parse(rendered) as OpenAPIObject));
    const keys = Object.keys(JSON.parse(rendered) as object);
    expect(keys).toEqual([...keys].sort());
  });
});
