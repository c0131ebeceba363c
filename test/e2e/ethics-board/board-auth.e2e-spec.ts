import { createRequestContext } from '@infobank/platform';
import { AddBoardMemberUseCase, type AddBoardMemberCommand } from '@infobank/review';
import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { callJson, expectProblem, newIndividual, verifyWithPublishedKeys } from '../portal/session-client';

describe('ethics board: board members sign in and see the board', () => {
  let board: RunningApp;
  let portal: RunningApp;
  let boardUrl: string;
  const password = 'board member passphrase';
  const operator = createRequestContext({ type: 'operator', name: 'e2e' });
  const members: Record<'lawyer' | 'engineer', AddBoardMemberCommand & { id?: string }> = {
    lawyer: { email: `lawyer.${randomUUID()}@example.jp`, password, name: '佐藤 法子', expertise: 'legal', external: true },
    engineer: { email: `engineer.${randomUUID()}@example.jp`, password, name: '鈴木 技師', expertise: 'engineer', external: false },
  };

  beforeAll(async () => {
    [board, portal] = await Promise.all([
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS),
    ]);
    boardUrl = board.config.http.publicUrls.ethicsBoard;
    const addMember = board.app.get(AddBoardMemberUseCase);
    for (const member of Object.values(members)) member.id = (await addMember.execute(operator, member)).id;
  });
  afterAll(async () => {
    await Promise.all([board?.close(), portal?.close()]);
  });

  const post = (app: RunningApp, path: string, body: unknown) => callJson(app.url, 'POST', path, { body });
  const login = (app: RunningApp, email: string, secret: string) => post(app, '/v1/auth/login', { email, password: secret });
  const listMembers = (bearer?: string) => callJson(board.url, 'GET', '/v1/board/members', { bearer });

  it('signs a member in; the token is for the board and carries role, expertise and the external flag', async () => {
    const response = await login(board, members.lawyer.email, password);
    expect(response.status).toBe(200);
    expect(response.body.expiresIn).toBe(900);
    const { payload } = await verifyWithPublishedKeys(board.url, response.body.accessToken, { audience: boardUrl, typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: members.lawyer.id, role: 'board_member', expertise: 'legal', external: true });
  });

  it('lists the members (id, name, expertise, external) to a signed-in member', async () => {
    const { body: tokens } = await login(board, members.engineer.email, password);
    const response = await listMembers(tokens.accessToken);
    expect(response.status).toBe(200);
    expect(response.body.members).toEqual(
      expect.arrayContaining([
        { id: members.lawyer.id, name: '佐藤 法子', expertise: 'legal', external: true },
        { id: members.engineer.id, name: '鈴木 技師', expertise: 'engineer', external: false },
      ]),
    );
    for (const member of response.body.members) expect(Object.keys(member).sort()).toEqual(['expertise', 'external', 'id', 'name']);
  });

  it('refuses the member list without a token, and to an individual holding a portal token', async () => {
    expectProblem(await listMembers(), 401, 'UNAUTHENTICATED');
    const individual = newIndividual();
    await post(portal, '/v1/auth/register', individual);
    const portalLogin = await login(portal, individual.email, individual.password);
    expect(portalLogin.status).toBe(200);
    expectProblem(await listMembers(portalLogin.body.accessToken), 401, 'UNAUTHENTICATED');
  });

  it('keeps the two kinds of account apart: neither signs in, nor refreshes, at the other’s app', async () => {
    const individual = newIndividual();
    await post(portal, '/v1/auth/register', individual);
    expectProblem(await login(board, individual.email, individual.password), 401, 'INVALID_CREDENTIALS');
    expectProblem(await login(portal, members.lawyer.email, password), 401, 'INVALID_CREDENTIALS');

    const memberSession = await login(board, members.lawyer.email, password);
    expectProblem(await callJson(portal.url, 'GET', '/v1/me', { bearer: memberSession.body.accessToken }), 401, 'UNAUTHENTICATED');
    expectProblem(await post(portal, '/v1/auth/refresh', { refreshToken: memberSession.body.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    // Presented at the wrong app, the token was not spent: the board still refreshes it.
    expect((await post(board, '/v1/auth/refresh', { refreshToken: memberSession.body.refreshToken })).status).toBe(200);
  });

  it('refreshes with rotation (claims kept), revokes the family on reuse, and logs out', async () => {
    const session = (await login(board, members.engineer.email, password)).body;
    const rotated = await post(board, '/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(rotated.status).toBe(200);
    const { payload } = await verifyWithPublishedKeys(board.url, rotated.body.accessToken, { audience: boardUrl, typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: members.engineer.id, role: 'board_member', expertise: 'engineer', external: false });

    expectProblem(await post(board, '/v1/auth/refresh', { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    expectProblem(await post(board, '/v1/auth/refresh', { refreshToken: rotated.body.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');

    const next = (await login(board, members.engineer.email, password)).body;
    expect((await post(board, '/v1/auth/logout', { refreshToken: next.refreshToken })).status).toBe(204);
    expectProblem(await post(board, '/v1/auth/refresh', { refreshToken: next.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const wrongPassword = await login(board, members.lawyer.email, 'not the board passphrase');
    const unknownEmail = await login(board, `nobody.${randomUUID()}@example.jp`, password);
    expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expect({ status: unknownEmail.status, body: unknownEmail.body }).toEqual({ status: wrongPassword.status, body: wrongPassword.body });
  });

  it('gives the console a cookie session under its own cookie name, checks the Origin, and steps up with the password', async () => {
    const origin = new URL(board.url).origin;
    const cookieLogin = await callJson(board.url, 'POST', '/v1/auth/login', {
      headers: { 'x-infobank-session': 'cookie', origin },
      body: { email: members.engineer.email, password },
    });
    expect(cookieLogin.status).toBe(200);
    expect(cookieLogin.body.refreshToken).toBeUndefined();
    const [cookie] = cookieLogin.headers.getSetCookie();
    expect(cookie).toMatch(/^infobank_board_refresh=[A-Za-z0-9_-]{43}; HttpOnly; Secure; SameSite=Strict; Path=\/v1\/auth; Max-Age=\d+$/);
    const refreshCookie = cookie.split(';')[0];

    const foreign = await callJson(board.url, 'POST', '/v1/auth/refresh', {
      headers: { 'x-infobank-session': 'cookie', origin: 'https://elsewhere.example', cookie: refreshCookie },
    });
    expectProblem(foreign, 403, 'ORIGIN_REFUSED');
    // The portal's cookie name means nothing here.
    const portalCookie = refreshCookie.replace('infobank_board_refresh', 'infobank_refresh');
    expectProblem(
      await callJson(board.url, 'POST', '/v1/auth/refresh', { headers: { 'x-infobank-session': 'cookie', origin, cookie: portalCookie } }),
      401,
      'INVALID_REFRESH_TOKEN',
    );
    const refreshed = await callJson(board.url, 'POST', '/v1/auth/refresh', {
      headers: { 'x-infobank-session': 'cookie', origin, cookie: refreshCookie },
    });
    expect(refreshed.status).toBe(200);

    const bearer = refreshed.body.accessToken as string;
    expectProblem(
      await callJson(board.url, 'POST', '/v1/auth/step-up', { bearer, body: { password: 'not the passphrase' } }),
      401,
      'INVALID_CREDENTIALS',
    );
    expectProblem(await callJson(board.url, 'POST', '/v1/auth/step-up', { body: { password } }), 401, 'UNAUTHENTICATED');
    const stepUp = await callJson(board.url, 'POST', '/v1/auth/step-up', { bearer, body: { password } });
    expect(stepUp.status).toBe(200);
    expect(stepUp.body).toEqual({ stepUpToken: expect.any(String), expiresIn: 300 });
  });
});
