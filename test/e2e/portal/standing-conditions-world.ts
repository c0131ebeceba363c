// Shared set-up of the standing-conditions, approvals and notifications e2e suites.
import { CreateOfferUseCase, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../support/http-app';
import { offerTerms } from '../../support/offer-terms';
import { registerOrganisation } from '../../support/organisation-client';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { callJson, newIndividual } from './session-client';

/** A newly registered individual's access token (their address verified, so they may consent). */
export async function signedInIndividual(portal: RunningApp): Promise<string> {
  const individual = newIndividual();
  const registered = await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
  await verifyEmailWithoutMail(portal, registered.body.id as string);
  const { body } = await callJson(portal.url, 'POST', '/v1/auth/login', {
    body: { email: individual.email, password: individual.password },
  });
  return body.accessToken as string;
}

/** A new recipient's offer (offerTerms with `overrides`) submitted and approved by the board; writes OFFER_APPROVED_JOB to the outbox. */
export async function approvedOffer(portal: RunningApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const recipient = (await registerOrganisation(portal, { roles: ['recipient'] })).organisationId;
  return approveOfferOf(portal, recipient, overrides);
}

/** An offer of `recipientId` drafted, submitted and approved by the board through the use cases of a running app. */
export async function approveOfferOf(running: RunningApp, recipientId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const use = <T>(type: new (...args: never[]) => T): T => running.app.get(type, { strict: false });
  const ctx = createRequestContext({ type: 'organisation', id: recipientId, roles: ['recipient'] });
  const { id } = await use(CreateOfferUseCase).execute(ctx, offerTerms(overrides) as unknown as OfferTerms);
  await use(SubmitOfferUseCase).execute(ctx, id);
  await use(RecordReviewOutcomeUseCase).execute(createRequestContext({ type: 'system', name: 'review' }), {
    offerId: id,
    round: 1,
    outcome: 'approved',
    reasons: ['審査理由'],
    decidedAt: new Date(),
    caseId: randomUUID(),
    suspended: false,
  });
  return id;
}
