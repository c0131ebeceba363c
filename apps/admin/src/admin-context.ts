import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig, RequestContext } from '@infobank/platform';

/**
 * Runs an operator command with the libraries' use cases available, then closes every connection. The
 * libraries, Nest and TypeORM are loaded here, when a command runs: help and usage errors never load them.
 */
export async function withAdminContext<T>(
  config: AppConfig,
  work: (app: INestApplicationContext, context: RequestContext) => Promise<T>,
): Promise<T> {
  const { openAdminContext } = await import('./admin.module');
  const { app, context } = await openAdminContext(config);
  try {
    return await work(app, context);
  } finally {
    await app.close();
  }
}
