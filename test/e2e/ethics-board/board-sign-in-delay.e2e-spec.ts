import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { AddBoardMemberUseCase } from '@infobank/review';
import { randomUUID } from 'node:crypto';
import { BoardAuthModule } from '../../../apps/ethics-board/src/auth/board-auth.module';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { RunningApp, startTestApp } from '../../support/http-app';
import { callJson, expectProblem } from '../portal/session-client';

/** The board's sign-in behind a trusted proxy, with small delays (default: 5 free failures per account, then 1 s doubling to 1 minute). */
@Module({
  imports: [
    BankKeysHttpModule,
    BoardAuthModule.forRoot({
      loginRateLimits: {
        perAccount: { freeFailures: 2, baseDelayMs: 2_000, maxDelayMs: 3_000 },
        perAddress: { freeFailures: 3, baseDelayMs: 30_000, maxDelayMs: 60_000 },
        forgetAfterMs: 60_000,
      },
    }),
  ],
})
class BoardSignIn {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ethics board: a known member cannot be locked out by someone guessing at their account', () => {
  let board: RunningApp;
  const member = { email: `lawyer.${randomUUID()}@example.jp`, password: 'board member passphrase' };
  const fromMember = { 'x-forwarded-for': '198.51.100.30' };
  const fromAttacker = { 'x-forwarded-for': '203.0.113.9' };

  beforeAll(async () => {
    board = await startTestApp(
      BoardSignIn,
      { TRUSTED_PROXIES: '127.0.0.1,::1', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_board_delay` },
      ETHICS_BOARD_ERROR_STATUS,
    );
    await board.app.get(AddBoardMemberUseCase, { strict: false }).execute(createRequestContext({ type: 'operator', name: 'e2e' }), {
      ...member,
      name: '佐藤 法子',
      expertise: 'legal',
      external: true,
    });
  });
  afterAll(() => board?.close());

  const login = (password: string, headers: Record<string, string>, email = member.email) =>
    callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password }, headers });

  it('delays the member’s account for at most its maximum after the guesses stop, and the member then signs in', async () => {
    for (const email of [`someone.${randomUUID()}@example.jp`, member.email, member.email]) {
      expectProblem(await login('guessing', fromAttacker, email), 401, 'INVALID_CREDENTIALS');
    }
    // The attacker's own address is now delayed for long; the account only for the account's short delay.
    const attackerLimited = await login('guessing', fromAttacker);
    expectProblem(attackerLimited, 429, 'RATE_LIMITED');
    expect(Number(attackerLimited.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    const memberEarly = await login(member.password, fromMember);
    expectProblem(memberEarly, 429, 'RATE_LIMITED');
    expect(Number(memberEarly.headers.get('retry-after'))).toBeLessThanOrEqual(3);
    await sleep(3_150);
    expect((await login(member.password, fromMember)).status).toBe(200);
  });
});
