// What the board's end-to-end suites share: board members who sign in, recipients who draft and
// submit offers through the gateway, and the case the worker would open for each submission.
import { createRequestContext } from '@infobank/platform';
import { AddBoardMemberUseCase, OpenReviewCaseUseCase, type Expertise } from '@infobank/review';
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../support/http-app';
import { offerTerms } from '../../support/offer-terms';
import type { OrganisationClient } from '../../support/organisation-client';
import { callJson, type JsonResponse } from '../portal/session-client';

/** A signed-in board member (every member's password is the same in these suites). */
export interface SignedInMember {
  id: string;
  expertise: Expertise;
  external: boolean;
  accessToken: string;
}

const password = 'board member passphrase';

/** Adds a member (as the operator would) and signs them in at the board's app. */
export async function signedInMember(board: RunningApp, expertise: Expertise, external: boolean): Promise<SignedInMember> {
  const email = `${expertise}.${randomUUID()}@board.example.jp`;
  const { id } = await board.app
    .get(AddBoardMemberUseCase)
    .execute(createRequestContext({ type: 'operator', name: 'e2e' }), { email, password, name: `委員 ${expertise}`, expertise, external });
  const login = await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`board login failed: ${login.status}`);
  return { id, expertise, external, accessToken: login.body.accessToken as string };
}

/** Calls the board's API as `member`. */
export function asMember(
  board: RunningApp,
  member: SignedInMember,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  return callJson(board.url, method, path, { bearer: member.accessToken, body });
}

/** Drafts and submits an offer through the gateway; returns the submitted offer. */
export async function submitOffer(
  recipient: OrganisationClient,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; round: number }> {
  const accessToken = await recipient.accessToken();
  const drafted = await recipient.call('POST', '/v1/offers', { accessToken, body: offerTerms(overrides) });
  if (drafted.status !== 201) throw new Error(`draft refused: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const submitted = await recipient.call('POST', `/v1/offers/${drafted.body.id}/submit`, { accessToken });
  if (submitted.status !== 200) throw new Error(`submit refused: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** Opens the case for a submitted round as the worker's job handler does; returns its id. */
export async function openCase(board: RunningApp, offer: { id: string; round: number }): Promise<string> {
  const result = await board.app
    .get(OpenReviewCaseUseCase)
    .execute(createRequestContext({ type: 'system', name: 'job:review.open-case' }), { offerId: offer.id, round: offer.round });
  if (result.outcome === 'skipped') throw new Error('the case was not opened');
  return result.caseId;
}

/** A fresh 5-minute step-up token for `member` (`POST /v1/auth/step-up` with the password again). */
export async function stepUpToken(board: RunningApp, member: SignedInMember): Promise<string> {
  const stepUp = await callJson(board.url, 'POST', '/v1/auth/step-up', { bearer: member.accessToken, body: { password } });
  if (stepUp.status !== 200) throw new Error(`board step-up failed: ${stepUp.status}`);
  return stepUp.body.stepUpToken as string;
}

/** Calls the board's API as `member` after a fresh step-up, as votes and stop-use orders require. */
export async function asSteppedUpMember(
  board: RunningApp,
  member: SignedInMember,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  const headers = { 'x-step-up-token': await stepUpToken(board, member) };
  return callJson(board.url, method, path, { bearer: member.accessToken, body, headers });
}

/** Votes on a case as `member` (after a step-up). */
export function vote(
  board: RunningApp,
  member: SignedInMember,
  caseId: string,
  decision: string,
  reason = `${member.expertise}: ${decision}`,
) {
  return asSteppedUpMember(board, member, 'POST', `/v1/cases/${caseId}/votes`, { decision, reason });
}
