import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { RedisClient } from '../../queue/infrastructure/redis-connection';
import { REDIS } from '../../platform.tokens';
import { ApiPublic } from './openapi';

/** `/health`: 200 when Postgres and Redis both answer within a second, otherwise 503 naming which. */
@ApiTags('operations')
@Controller('health')
@ApiPublic()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: Postgres and Redis reachability' })
  @ApiOkResponse({
    description: 'Both answer; the same shape with status "error" and 503 when one does not',
    schema: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { type: 'string', enum: ['ok', 'error'] },
        info: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string' } } } },
        error: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string' } } } },
        details: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres').withTimeout(1_000),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await this.redis.ping();
            })
            .withTimeout(1_000),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }
}
