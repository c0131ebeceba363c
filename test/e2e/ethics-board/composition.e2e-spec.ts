import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { callJson, expectProblem } from '../portal/session-client';
import { asMember, signedInMember, type SignedInMember } from './cases-support';

// A database of its own: other suites add board members to the shared one.
describe('ethics board: GET /v1/board/composition', () => {
  // Six members are added and signed in (two scrypt hashes each).
  jest.setTimeout(30_000);
  let environment: IsolatedEnvironment;
  let board: RunningApp;
  const members: SignedInMember[] = [];

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    board = await startTestApp(
      EthicsBoardModule,
      { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix },
      ETHICS_BOARD_ERROR_STATUS,
    );
  });
  afterAll(async () => {
    await board?.close();
    await environment?.dispose();
  });

  const composition = async () => {
    const response = await asMember(board, members[0], 'GET', '/v1/board/composition');
    expect(response.status).toBe(200);
    return response.body;
  };

  it('warns about every missing field and too few external members, and stops warning as the board fills up', async () => {
    members.push(await signedInMember(board, 'engineer', false), await signedInMember(board, 'security', false));
    const early = await composition();
    expect(early).toMatchObject({ total: 2, external: 0, externalShare: 0 });
    expect(early.warnings.map((warning: { code: string; expertise?: string }) => warning.expertise ?? warning.code)).toEqual([
      'legal',
      'data_ethics',
      'consumer',
      'media',
      'TOO_FEW_EXTERNAL',
    ]);
    expect(early.warnings[0].message).toEqual({ ja: '法律の専門家がいません。', en: 'No member brings law expertise.' });

    for (const expertise of ['legal', 'data_ethics', 'consumer'] as const) members.push(await signedInMember(board, expertise, true));
    const nearly = await composition();
    expect(nearly).toMatchObject({ total: 5, external: 3, externalShare: 0.6 });
    expect(nearly.warnings.map((warning: { code: string }) => warning.code)).toEqual(['EXPERTISE_MISSING']);
    expect(nearly.byExpertise).toContainEqual({ expertise: 'legal', total: 1, external: 1 });

    members.push(await signedInMember(board, 'media', false));
    expect((await composition()).warnings).toEqual([]);
  });

  it('is for signed-in board members only', async () => {
    expectProblem(await callJson(board.url, 'GET', '/v1/board/composition'), 401, 'UNAUTHENTICATED');
  });
});
