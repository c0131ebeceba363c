import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { ConfigError } from '../../config/infrastructure/load-config';
import { APP_CONFIG } from '../../platform.tokens';

/**
 * Asks Postgres whether the role this process connected as is a superuser (whatever its name), and
 * returns the problem to report, or null. A superuser bypasses the grants and triggers that keep the
 * ledgers append-only, so production must not run as one.
 */
export async function superuserProblem(dataSource: DataSource): Promise<string | null> {
  const rows: { rolsuper: boolean }[] = await dataSource.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  return rows[0]?.rolsuper === true
    ? 'DATABASE_USER names a PostgreSQL superuser; production connects as a role that is neither owner nor superuser'
    : null;
}

/** In production, start-up stops (naming DATABASE_USER) when the process's database role is a superuser. */
@Injectable()
export class DatabaseRoleCheck implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.environment !== 'production') return;
    const problem = await superuserProblem(this.dataSource);
    if (problem !== null) throw new ConfigError([problem]);
  }
}
