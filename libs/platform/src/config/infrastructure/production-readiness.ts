import { statSync } from 'node:fs';
import type { AppConfig } from './config.schema';
import { PRODUCTION_SCRYPT_LOG_N_FLOOR } from './hardening-config';

/** Reads a file's permission bits, or undefined when it cannot be read (the loader of that file reports that). */
export type FileMode = (path: string) => number | undefined;

const statMode: FileMode = (path) => {
  try {
    return statSync(path).mode;
  } catch {
    return undefined;
  }
};

/**
 * What production refuses although it is a valid configuration: the development defaults. Each
 * problem names its variable and never a secret's value.
 */
export function productionProblems(config: AppConfig, fileMode: FileMode = statMode): string[] {
  const problems: string[] = [];
  if (config.database.user === 'postgres') {
    problems.push(
      'DATABASE_USER must not be the superuser "postgres" when NODE_ENV=production (use a role that is neither owner nor superuser)',
    );
  }
  if (config.database.password === '') problems.push('DATABASE_PASSWORD must not be empty when NODE_ENV=production');
  if (config.redis.password === undefined) problems.push('REDIS_PASSWORD is required when NODE_ENV=production');
  const urls = [
    ['PORTAL_PUBLIC_URL', config.http.publicUrls.portal],
    ['INTAKE_PUBLIC_URL', config.http.publicUrls.intake],
    ['GATEWAY_PUBLIC_URL', config.http.publicUrls.gateway],
    ['ETHICS_BOARD_PUBLIC_URL', config.http.publicUrls.ethicsBoard],
  ] as const;
  for (const [name, value] of urls) {
    if (!value.startsWith('https://')) problems.push(`${name} must be an https URL when NODE_ENV=production (got "${value}")`);
  }
  const keyFile = config.keys.signingKeysFile;
  const mode = keyFile === undefined ? undefined : fileMode(keyFile);
  // Any permission for "others" (or group write) means someone besides the bank's user may read or replace the keys.
  if (mode !== undefined && (mode & 0o027) !== 0) {
    problems.push(
      `BANK_SIGNING_KEYS_FILE must not be readable or writable by others when NODE_ENV=production (mode ${(mode & 0o777).toString(8)}; chmod 600 or 640)`,
    );
  }
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    problems.push(`LOG_LEVEL must not be ${config.logLevel} when NODE_ENV=production (use info or above)`);
  }
  if (config.hardening.scryptLogN < PRODUCTION_SCRYPT_LOG_N_FLOOR) {
    problems.push(
      `SCRYPT_LOG_N must be at least ${PRODUCTION_SCRYPT_LOG_N_FLOOR} when NODE_ENV=production (got "${config.hardening.scryptLogN}")`,
    );
  }
  return problems;
}
