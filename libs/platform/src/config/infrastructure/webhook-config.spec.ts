import { ConfigError, loadConfig } from './load-config';

describe('WEBHOOK_ALLOW_LOCAL', () => {
  const production = {
    NODE_ENV: 'production',
    BANK_SIGNING_KEYS_FILE: '/run/secrets/signing.json',
    BANK_KEK: 'k1:x',
    BANK_PSEUDONYM_SECRET: 's',
    DATABASE_USER: 'infobank_app',
    DATABASE_PASSWORD: 'app-password',
    REDIS_PASSWORD: 'redis-password',
    PORTAL_PUBLIC_URL: 'https://portal.bank.example',
    INTAKE_PUBLIC_URL: 'https://intake.bank.example',
    GATEWAY_PUBLIC_URL: 'https://gateway.bank.example',
    ETHICS_BOARD_PUBLIC_URL: 'https://board.bank.example',
  };

  it('Given nothing set, then local webhooks are refused, in development as in production', () => {
    expect(loadConfig({}).webhooks.allowLocal).toBe(false);
    expect(loadConfig(production).webhooks.allowLocal).toBe(false);
  });

  it('Given true outside production, then local webhooks are allowed', () => {
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_LOCAL: 'true' }).webhooks.allowLocal).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_LOCAL: 'true' }).webhooks.allowLocal).toBe(true);
  });

  it('Given true in production, then start-up fails naming the variable', () => {
    let problems: string[] = [];
    try {
      loadConfig({ ...production, WEBHOOK_ALLOW_LOCAL: 'true' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([expect.stringContaining('WEBHOOK_ALLOW_LOCAL')]);
  });
});
