import { isIP } from 'node:net';
import type { HardeningConfig } from './config.schema';

/** The readers loadConfig lends to each block of variables; problems are collected, not thrown. */
export interface VariableReaders {
  raw(name: string): string | undefined;
  integer(name: string, min: number, max: number): number;
  problems: string[];
}

/** The lowest scrypt cost production accepts: N = 2^17 with r = 8 (OWASP's minimum for p = 1). */
export const PRODUCTION_SCRYPT_LOG_N_FLOOR = 17;

/** Reads the hardening variables (TRUSTED_PROXIES … METRICS_TOKEN, WEB_ALLOWED_ORIGINS). */
export function hardeningConfig({ raw, integer, problems }: VariableReaders): HardeningConfig {
  const trustedProxies = (raw('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of trustedProxies) {
    if (!isAddressOrCidr(entry)) problems.push(`TRUSTED_PROXIES must list IP addresses or CIDR ranges (got "${entry}")`);
  }
  const metricsPortText = raw('METRICS_PORT');
  const metricsToken = raw('METRICS_TOKEN') || undefined;
  if (metricsToken !== undefined && metricsToken.length < 32) problems.push('METRICS_TOKEN must be at least 32 characters long');
  const webAllowedOrigins = (raw('WEB_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of webAllowedOrigins) {
    if (!isOrigin(entry)) problems.push(`WEB_ALLOWED_ORIGINS must list origins such as https://app.example.jp (got "${entry}")`);
  }
  return {
    trustedProxies,
    webAllowedOrigins,
    scryptLogN: integer('SCRYPT_LOG_N', 14, 20),
    scryptMaxConcurrency: integer('SCRYPT_MAX_CONCURRENCY', 2, 64),
    registrationsPerAddressPerHour: integer('REGISTRATIONS_PER_HOUR', 1, 100_000),
    jsonMaxDepth: integer('JSON_MAX_DEPTH', 2, 1_000),
    metricsPort: metricsPortText === undefined ? undefined : integer('METRICS_PORT', 1, 65_532),
    metricsToken,
  };
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** An origin as browsers send it in `Origin`: http or https, a host, an optional port, nothing else. */
function isOrigin(entry: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+$/.test(entry)) return false;
  try {
    return new URL(entry).origin === entry;
  } catch {
    return false;
  }
}
