import type { ActorKind } from '@infobank/platform';

/** How recipient-only offer use cases refuse another actor: a route without the recipient guard is a programming error. */
export const OFFERS_ARE_WRITTEN_BY_RECIPIENTS = {
  detail: "Offers are written by recipients: the route needs @OrganisationRoute('recipient').",
};

/** The actors that review offers on the bank's side: board members, the worker and the operator. */
export const REVIEW_SIDE: readonly ActorKind[] = ['board_member', 'bank'];
