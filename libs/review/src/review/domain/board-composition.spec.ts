import { EXPERTISE, type Expertise } from './board-member';
import { boardComposition } from './board-composition';

const member = (expertise: Expertise, external: boolean) => ({ expertise, external });
const fullBoard = EXPERTISE.map((expertise, index) => member(expertise, index >= 2));

describe('board composition', () => {
  it('given one member per field, four of six external, then it counts them and warns about nothing', () => {
    const composition = boardComposition(fullBoard);
    expect(composition).toMatchObject({ total: 6, external: 4, externalShare: 0.6667, warnings: [] });
    expect(composition.byExpertise).toEqual(EXPERTISE.map((expertise, index) => ({ expertise, total: 1, external: index >= 2 ? 1 : 0 })));
  });

  it('given no consumer member, then it warns that consumer expertise is missing (in ja and en)', () => {
    const composition = boardComposition(fullBoard.filter((candidate) => candidate.expertise !== 'consumer'));
    expect(composition.warnings).toEqual([
      {
        code: 'EXPERTISE_MISSING',
        expertise: 'consumer',
        message: { ja: '消費者の専門家がいません。', en: 'No member brings consumer representation expertise.' },
      },
    ]);
  });

  it('given exactly a third external, then there is no warning; given fewer, then it warns', () => {
    const third = [
      ...fullBoard.map((candidate) => ({ ...candidate, external: false })),
      member('legal', true),
      member('media', true),
      member('consumer', true),
    ];
    expect(third).toHaveLength(9);
    expect(boardComposition(third).warnings).toEqual([]);
    const fewer = [...third, member('engineer', false)];
    expect(boardComposition(fewer).warnings.map((warning) => warning.code)).toEqual(['TOO_FEW_EXTERNAL']);
  });

  it('given an empty board, then every field is missing and there are too few external members', () => {
    const composition = boardComposition([]);
    expect(composition).toMatchObject({ total: 0, external: 0, externalShare: 0 });
    expect(composition.warnings.map((warning) => warning.code)).toEqual([...EXPERTISE.map(() => 'EXPERTISE_MISSING'), 'TOO_FEW_EXTERNAL']);
  });
});
