// The offer-approval step of the core path, over HTTP through the proxies as the recipient and the board
// would: the recipient drafts and submits an offer at the gateway, the worker opens the board's case,
// three members (one external) vote to approve after a step-up each, and the offer turns `approved`.
import type { Answer, OrganisationClient, Traffic } from '../chaos/clients';
import { sleep } from '../chaos/services';
import type { BoardMember } from '../chaos/workload';

const WAIT_MS = 90_000;

/** A marketing offer on receipts' line items (the chaos run's offers, but drafted over HTTP). */
function offerTerms(): Record<string, unknown> {
  return {
    purposeCode: 'marketing',
    purposeText: { ja: 'お買い物の傾向に合わせたクーポンをお届けします。', en: 'We send you coupons that match how you shop.' },
    items: [{ itemId: 'purchase.receipts#/lineItems', required: true }],
    dataRange: { fromDaysAgo: 90 },
    fetch: { type: 'periodic', per: 'day', max: 1000 },
    dataLifeDays: 365,
    benefit: { type: 'points', amount: 500, description: { ja: '毎月500ポイント', en: '500 points a month' } },
    processingCountries: ['JP'],
    profiling: false,
    termsVersion: '2025-01',
    validUntil: new Date(Date.now() + 365 * 24 * 3_600_000).toISOString(),
  };
}

/** Drafts, submits and has the board approve an offer; returns its id, or throws saying which step failed. */
export async function approveOfferOverHttp(
  traffic: Traffic,
  boardUrl: string,
  recipient: OrganisationClient,
  members: BoardMember[],
): Promise<string> {
  const drafted = await recipient.call('POST', '/v1/offers', { body: offerTerms() });
  if (drafted.status !== 201) throw new Error(`drafting the offer answered ${drafted.status}: ${JSON.stringify(drafted.body)}`);
  const offerId = drafted.body.id as string;
  const submitted = await recipient.call('POST', `/v1/offers/${offerId}/submit`);
  if (submitted.status !== 200) throw new Error(`submitting the offer answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);

  const board = (method: string, path: string, member: BoardMember, body?: unknown, headers?: Record<string, string>) =>
    traffic.json('ethics-board', boardUrl, method, path, { body, bearer: member.token, headers });
  for (const member of members) {
    const login = await traffic.json('ethics-board', boardUrl, 'POST', '/v1/auth/login', {
      body: { email: member.email, password: member.password },
    });
    if (login.status !== 200) throw new Error(`a board member's sign-in answered ${login.status}`);
    member.token = login.body.accessToken as string;
  }
  // The case is opened by a worker from the submission's outbox row.
  const caseId = await until('the board case is opened', async () => {
    const cases = await board('GET', '/v1/cases?status=open', members[0]);
    return (cases.body?.cases as { id: string; offerId: string }[] | undefined)?.find((item) => item.offerId === offerId)?.id;
  });
  for (const member of members) {
    const stepUp = await board('POST', '/v1/auth/step-up', member, { password: member.password });
    if (stepUp.status !== 200) throw new Error(`a board member's step-up answered ${stepUp.status}`);
    const voted: Answer = await board(
      'POST',
      `/v1/cases/${caseId}/votes`,
      member,
      { decision: 'approve', reason: '規模試験: 目的と項目が釣り合っているため。' },
      {
        'x-step-up-token': stepUp.body.stepUpToken as string,
      },
    );
    if (voted.status !== 200 && voted.status !== 201) throw new Error(`a vote answered ${voted.status}: ${JSON.stringify(voted.body)}`);
  }
  await until('the offer is approved', async () => {
    const offer = await recipient.call('GET', `/v1/offers/${offerId}`);
    return offer.body?.status === 'approved' ? true : undefined;
  });
  return offerId;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${WAIT_MS / 1000} s`);
    await sleep(250);
  }
}
