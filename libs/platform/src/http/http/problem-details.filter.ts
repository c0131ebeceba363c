import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { toProblemDetails } from './problem-details';

/** Writes every error as `application/problem+json`; each app passes its code → status map. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly statusByCode: Readonly<Record<string, number>>,
    private readonly logger: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      toProblemDetails(exception, this.statusByCode, this.logger),
    );
  }
}

/** Sends a problem details body with its status and media type. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ReturnType<typeof toProblemDetails>): void {
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ ...problem, instance: request.url.split('?')[0] });
}
