import { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SCHEMA } from '@infobank/migrations';
import { AppConfig, createHttpApp, createLogger } from '@infobank/platform';
import type { Logger } from 'pino';
import { Writable } from 'node:stream';
import { testConfig } from './platform';

/** Collects a logger's JSON lines so a test can read what was logged. */
export class CapturedLog {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** An app built exactly as the real processes build theirs, listening on a free loopback port. */
export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  log: CapturedLog;
  config: AppConfig;
  close(): Promise<void>;
}

/** How the app is built beyond config: form bodies as an app's main.ts asks, and a fixed port (default: any free one). */
export interface TestAppOptions {
  acceptFormBodies?: boolean;
  port?: number;
  /** Internal port of /metrics and /docs (default: none, so they are on the app's port). */
  metricsPort?: number;
}

/** Starts `module` through the platform's createHttpApp with this run's config plus overrides. */
export async function startTestApp(
  module: Type<unknown>,
  overrides: Record<string, string> = {},
  errorStatus: Readonly<Record<string, number>> = {},
  options: TestAppOptions = {},
): Promise<RunningApp> {
  const config = testConfig(overrides);
  const log = new CapturedLog();
  const logger: Logger = createLogger({ level: 'info', service: 'test', destination: log.stream });
  const app = await createHttpApp(module, {
    service: 'test',
    title: 'test',
    description: 'test',
    config,
    logger,
    errorStatus,
    acceptFormBodies: options.acceptFormBodies,
    metricsPort: options.metricsPort,
    ...SCHEMA,
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, log, config, close: () => app.close() };
}

/** POSTs a raw body with a content type and returns status, headers and parsed JSON. */
export async function postRaw(
  url: string,
  body: string,
  contentType = 'application/json',
): Promise<{ status: number; type: string; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}
