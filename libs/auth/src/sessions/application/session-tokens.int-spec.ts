import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { SessionTokens } from './session-tokens';

describe('SessionTokens: access tokens verified once are remembered until they expire', () => {
  let keysDirectory: string;
  let tokens: SessionTokens;
  const realm = { accountKinds: ['individual'] as const, publicUrl: 'http://portal.test' };

  beforeAll(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-session-tokens-'));
    const keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    tokens = new SessionTokens(keyRing, { ...realm, accountKinds: ['individual'] });
  });
  afterAll(async () => {
    jest.useRealTimers();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  it('Given a token verified once, When it is presented again and then after its 15 minutes, Then it admits again and then is UNAUTHENTICATED', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const accountId = randomUUID();
    const { token } = await tokens.issueAccessToken(accountId, 'individual', { language: 'ja' });
    const first = await tokens.verifyAccessToken(token);
    expect(first).toMatchObject({ accountId, role: 'individual', extra: { language: 'ja' } });
    jest.setSystemTime(new Date('2026-12-07T12:14:59Z'));
    expect(await tokens.verifyAccessToken(token)).toEqual(first);
    jest.setSystemTime(new Date('2026-12-07T12:15:01Z'));
    await expect(tokens.verifyAccessToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    jest.useRealTimers();
  });

  it('Given a remembered token, When one character of its signature is changed, Then the altered token is UNAUTHENTICATED', async () => {
    const { token } = await tokens.issueAccessToken(randomUUID(), 'individual', {});
    await tokens.verifyAccessToken(token);
    const altered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    await expect(tokens.verifyAccessToken(altered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
