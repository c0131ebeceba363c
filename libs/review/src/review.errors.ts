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

/** The caller is not a member of the data ethics board (no board profile behind the account). */
export class NotABoardMemberError extends DomainError<'NOT_A_BOARD_MEMBER'> {
  constructor() {
    super('NOT_A_BOARD_MEMBER', 'Only members of the data ethics board may do this.');
  }
}

/** No member of the data ethics board has this id. */
export class BoardMemberNotFoundError extends DomainError<'BOARD_MEMBER_NOT_FOUND'> {
  constructor(memberId: string) {
    super('BOARD_MEMBER_NOT_FOUND', `No board member has id ${memberId.slice(0, 64)}.`);
  }
}

/** No review case has this id. */
export class ReviewCaseNotFoundError extends DomainError<'REVIEW_CASE_NOT_FOUND'> {
  constructor(caseId: string) {
    super('REVIEW_CASE_NOT_FOUND', `No review case has id ${caseId.slice(0, 64)}.`);
  }
}

/** The case is decided: its votes and recusals are closed. */
export class ReviewCaseClosedError extends DomainError<'REVIEW_CASE_CLOSED'> {
  constructor(caseId: string) {
    super('REVIEW_CASE_CLOSED', `Review case ${caseId} is decided; it takes no more votes or recusals.`);
  }
}

/** The member already voted in this round. */
export class AlreadyVotedError extends DomainError<'ALREADY_VOTED'> {
  constructor(caseId: string) {
    super('ALREADY_VOTED', `You already voted on review case ${caseId}; each member votes once per round.`);
  }
}

/** The member recused themselves from this round: they may not vote in it. */
export class MemberRecusedError extends DomainError<'MEMBER_RECUSED'> {
  constructor(caseId: string) {
    super('MEMBER_RECUSED', `You recused yourself from review case ${caseId}; your vote would not count.`);
  }
}

/** The member already recused themselves from this round. */
export class AlreadyRecusedError extends DomainError<'ALREADY_RECUSED'> {
  constructor(caseId: string) {
    super('ALREADY_RECUSED', `You already recused yourself from review case ${caseId}.`);
  }
}

/** A review round asked for out of order (the previous round did not end in changes_requested). */
export class ReviewRoundOutOfOrderError extends DomainError<'REVIEW_ROUND_OUT_OF_ORDER'> {
  constructor(offerId: string, round: number) {
    super('REVIEW_ROUND_OUT_OF_ORDER', `Round ${round} of offer ${offerId} cannot open after the offer's previous rounds.`);
  }
}

/** No stop-use order has this id. */
export class StopUseOrderNotFoundError extends DomainError<'STOP_USE_ORDER_NOT_FOUND'> {
  constructor(orderId: string) {
    super('STOP_USE_ORDER_NOT_FOUND', `No stop-use order has id ${orderId.slice(0, 64)}.`);
  }
}

/** The order is not in a state that allows this step (confirming an effective order, lifting a proposed one…). */
export class StopUseOrderStateError extends DomainError<'STOP_USE_ORDER_NOT_PROPOSED' | 'STOP_USE_ORDER_NOT_EFFECTIVE'> {
  constructor(code: 'STOP_USE_ORDER_NOT_PROPOSED' | 'STOP_USE_ORDER_NOT_EFFECTIVE', orderId: string, status: string) {
    super(
      code,
      code === 'STOP_USE_ORDER_NOT_PROPOSED'
        ? `Stop-use order ${orderId} is ${status}; only a proposed order can be confirmed.`
        : `Stop-use order ${orderId} is ${status}; only an effective order can be lifted.`,
    );
  }
}

/** The same member tried to take both steps: an order needs two distinct members to take effect and to lift. */
export class SecondMemberRequiredError extends DomainError<'SECOND_MEMBER_REQUIRED'> {
  constructor(orderId: string) {
    super('SECOND_MEMBER_REQUIRED', `Stop-use order ${orderId} needs a second, different member for this step.`);
  }
}

/** Stable codes of libs/review's errors. */
export type ReviewErrorCode =
  | 'BOARD_MEMBER_EXISTS'
  | 'NOT_A_BOARD_MEMBER'
  | 'BOARD_MEMBER_NOT_FOUND'
  | 'REVIEW_CASE_NOT_FOUND'
  | 'REVIEW_CASE_CLOSED'
  | 'ALREADY_VOTED'
  | 'MEMBER_RECUSED'
  | 'ALREADY_RECUSED'
  | 'REVIEW_ROUND_OUT_OF_ORDER'
  | 'STOP_USE_ORDER_NOT_FOUND'
  | 'STOP_USE_ORDER_NOT_PROPOSED'
  | 'STOP_USE_ORDER_NOT_EFFECTIVE'
  | 'SECOND_MEMBER_REQUIRED';

/** HTTP status for each review error code, for apps' problem+json filters. */
export const REVIEW_ERROR_STATUS: Readonly<Record<ReviewErrorCode, number>> = {
  BOARD_MEMBER_EXISTS: 409,
  NOT_A_BOARD_MEMBER: 403,
  BOARD_MEMBER_NOT_FOUND: 404,
  REVIEW_CASE_NOT_FOUND: 404,
  REVIEW_CASE_CLOSED: 409,
  ALREADY_VOTED: 409,
  MEMBER_RECUSED: 409,
  ALREADY_RECUSED: 409,
  REVIEW_ROUND_OUT_OF_ORDER: 409,
  STOP_USE_ORDER_NOT_FOUND: 404,
  STOP_USE_ORDER_NOT_PROPOSED: 409,
  STOP_USE_ORDER_NOT_EFFECTIVE: 409,
  SECOND_MEMBER_REQUIRED: 409,
};
