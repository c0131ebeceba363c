import type { Logger } from 'pino';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { ConfigError, loadConfig } from '../../config/infrastructure/load-config';
import { createLogger } from '../../logging/infrastructure/logger';

/**
 * Entry point of every Infobank process: reads the configuration once (a bad one stops the process
 * with a message naming each variable), creates the logger, and turns a failed start into exit code 1.
 */
export async function runProcess(service: string, start: (config: AppConfig, logger: Logger) => Promise<void>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, service });
  try {
    await start(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, `${service} failed to start`);
    logger.flush();
    process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}${startHint(error)}\n`);
    process.exit(1);
  }
}

/** PostgreSQL's SQLSTATE for a database that does not exist. */
const UNDEFINED_DATABASE = '3D000';

/** A next step for the operator when the cause of a failed start is one they fix by hand (none otherwise). */
export function startHint(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (candidate.code === UNDEFINED_DATABASE) return ' (Create it first: npm run migrate)';
    current = candidate.driverError ?? candidate.cause;
  }
  return '';
}
