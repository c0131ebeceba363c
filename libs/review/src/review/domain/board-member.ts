import type { FieldProblem } from '@infobank/platform';

/** The fields a data ethics board member can bring (the board needs a legal and a consumer voice on sensitive offers). */
export const EXPERTISE = ['engineer', 'security', 'legal', 'data_ethics', 'consumer', 'media'] as const;

/** A board member's field: engineering, security, law, data ethics, consumer representation or media. */
export type Expertise = (typeof EXPERTISE)[number];

/** Longest board member name, in characters. */
export const BOARD_MEMBER_NAME_MAX_LENGTH = 100;

/** A member of the data ethics board (データ倫理審査会) as the board and its reports show them. */
export interface BoardMember {
  /** The member's account id: the `sub` of their access tokens. */
  id: string;
  name: string;
  expertise: Expertise;
  /** True for outside members (not bank staff); every quorum needs at least one. */
  external: boolean;
}

/** True when `value` is one of the board's fields of expertise. */
export function isExpertise(value: unknown): value is Expertise {
  return (EXPERTISE as readonly unknown[]).includes(value);
}

/** Every problem with a board member's profile, each naming its field. */
export function boardMemberProblems(profile: { name?: unknown; expertise?: unknown; external?: unknown }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { name, expertise, external } = profile;
  if (typeof name !== 'string' || name.trim().length === 0 || [...name].length > BOARD_MEMBER_NAME_MAX_LENGTH) {
    problems.push({ path: '/name', message: `must be 1 to ${BOARD_MEMBER_NAME_MAX_LENGTH} characters long` });
  }
  if (!isExpertise(expertise)) problems.push({ path: '/expertise', message: `must be one of ${EXPERTISE.join(', ')}` });
  if (typeof external !== 'boolean') problems.push({ path: '/external', message: 'must be true or false' });
  return problems;
}

/** True when two profiles say the same about a member (what makes adding them again a no-op). */
export function sameProfile(a: Omit<BoardMember, 'id'>, b: Omit<BoardMember, 'id'>): boolean {
  return a.name === b.name && a.expertise === b.expertise && a.external === b.external;
}
