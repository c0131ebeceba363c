import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { ConfigError } from '../../config/infrastructure/load-config';
import { DatabaseRoleCheck, superuserProblem } from './database-role-check';

describe('the production start-up check of the database role', () => {
  let superuser: DataSource;
  let plainRole: DataSource;
  const role = `infobank_test_role_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    // The superuser: what the tests' own runtime role (infobank_app) is not.
    superuser = await openTestDataSource(testConfig(), 'admin');
    await superuser.query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER PASSWORD 'role-password'`);
    plainRole = await openTestDataSource(testConfig({ DATABASE_USER: role, DATABASE_PASSWORD: 'role-password' }));
  });
  afterAll(async () => {
    await plainRole?.destroy();
    await superuser.query(`DROP ROLE IF EXISTS "${role}"`);
    await superuser.destroy();
  });

  it('Given a connection as a superuser, then it names DATABASE_USER', async () => {
    await expect(superuserProblem(superuser)).resolves.toContain('DATABASE_USER');
  });

  it('Given a role that is not a superuser (whatever its name), then it finds nothing', async () => {
    await expect(superuserProblem(plainRole)).resolves.toBeNull();
  });

  it('stops start-up in production only', async () => {
    const production = { ...testConfig(), environment: 'production' as const };
    await expect(new DatabaseRoleCheck(superuser, production).onModuleInit()).rejects.toBeInstanceOf(ConfigError);
    await expect(new DatabaseRoleCheck(plainRole, production).onModuleInit()).resolves.toBeUndefined();
    await expect(new DatabaseRoleCheck(superuser, testConfig()).onModuleInit()).resolves.toBeUndefined();
  });
});
