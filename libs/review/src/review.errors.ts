import { DomainError } from '@infobank/platform';

/** A board member with this e-mail exists with a different name, expertise or external flag. */
export class BoardMemberExistsError extends DomainError<'BOARD_MEMBER_EXISTS'> {
  constructor(readonly existingId: string) {
    super(
      'BOARD_MEMBER_EXISTS',
      `A board member with this e-mail is already registered (id ${existingId}) with a different name, expertise or external flag.`,
    );
  }
}

/** Stable codes of libs/review's errors. */
export type ReviewErrorCode = 'BOARD_MEMBER_EXISTS';

/** HTTP status for each review error code, for apps' problem+json filters. */
export const REVIEW_ERROR_STATUS: Readonly<Record<ReviewErrorCode, number>> = {
  BOARD_MEMBER_EXISTS: 409,
};
