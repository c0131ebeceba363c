import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from '../chaos/supervisor';
import { processCpuSeconds } from './backend-cpu';
import type { BenchEnvironment } from './bench-environment';
import { freePort } from '../chaos/services';

/** The built portal app serving the bench's database. */
export interface PortalProcess {
  url: string;
  /** CPU time (user + system, seconds) the portal process has used so far, from /proc (Linux); null where it cannot be read. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/**
 * The portal as production runs it: its own Node.js process from dist (`npm run bench` builds it), on the
 * run's database, Redis prefix and keys, reached over loopback. The HTTP scenarios time requests against it,
 * so the server has an event loop of its own and the client's work is not counted as the server's.
 */
export async function startPortalProcess(environment: BenchEnvironment): Promise<PortalProcess> {
  const port = await freePort();
  const logs = mkdtempSync(join(tmpdir(), 'infobank-bench-portal-'));
  const portal = new ManagedProcess(
    {
      name: 'portal',
      app: 'portal',
      port,
      env: {
        DATABASE_HOST: environment.config.database.host,
        DATABASE_PORT: String(environment.config.database.port),
        DATABASE_NAME: environment.name,
        REDIS_HOST: environment.config.redis.host,
        REDIS_PORT: String(environment.config.redis.port),
        REDIS_PREFIX: environment.name,
        BANK_KEYS_DIR: environment.keysDirectory,
        HTTP_HOST: '127.0.0.1',
        PORTAL_PORT: String(port),
        PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
      },
    },
    logs,
  );
  await portal.start();
  return {
    url: portal.url,
    cpuSeconds: () => (portal.pid === undefined ? null : processCpuSeconds(portal.pid)),
    stop: async () => {
      await portal.stop();
      rmSync(logs, { recursive: true, force: true });
    },
  };
}
