import { EXPERTISE, type BoardMember, type Expertise } from './board-member';

/** Something the board's composition lacks, with a message for the board in Japanese and English. */
export type CompositionWarning =
  | { code: 'EXPERTISE_MISSING'; expertise: Expertise; message: { ja: string; en: string } }
  | { code: 'TOO_FEW_EXTERNAL'; message: { ja: string; en: string } };

/** How the data ethics board is made up: members by field, the share of outside members, and what is missing. */
export interface BoardComposition {
  total: number;
  external: number;
  /** External members / all members (0 for an empty board), rounded to 4 decimals. */
  externalShare: number;
  byExpertise: { expertise: Expertise; total: number; external: number }[];
  warnings: CompositionWarning[];
}

const EXPERTISE_LABELS: Readonly<Record<Expertise, { ja: string; en: string }>> = {
  engineer: { ja: '情報技術', en: 'engineering' },
  security: { ja: 'セキュリティ', en: 'security' },
  legal: { ja: '法律', en: 'law' },
  data_ethics: { ja: 'データ倫理', en: 'data ethics' },
  consumer: { ja: '消費者', en: 'consumer representation' },
  media: { ja: 'メディア', en: 'media' },
};

/**
 * Reports the board's composition. Warns for each field of expertise nobody covers, and when fewer
 * than a third of the members come from outside the bank.
 */
export function boardComposition(members: readonly Pick<BoardMember, 'expertise' | 'external'>[]): BoardComposition {
  const external = members.filter((member) => member.external).length;
  const byExpertise = EXPERTISE.map((expertise) => {
    const inField = members.filter((member) => member.expertise === expertise);
    return { expertise, total: inField.length, external: inField.filter((member) => member.external).length };
  });
  const warnings: CompositionWarning[] = byExpertise
    .filter((field) => field.total === 0)
    .map(({ expertise }) => ({
      code: 'EXPERTISE_MISSING',
      expertise,
      message: {
        ja: `${EXPERTISE_LABELS[expertise].ja}の専門家がいません。`,
        en: `No member brings ${EXPERTISE_LABELS[expertise].en} expertise.`,
      },
    }));
  // Integer arithmetic: "fewer than a third" without rounding a fraction.
  if (external * 3 < members.length || members.length === 0) {
    warnings.push({
      code: 'TOO_FEW_EXTERNAL',
      message: { ja: '外部委員が全体の3分の1未満です。', en: 'Fewer than a third of the members are external.' },
    });
  }
  const externalShare = members.length === 0 ? 0 : Math.round((external / members.length) * 10_000) / 10_000;
  return { total: members.length, external, externalShare, byExpertise, warnings };
}
