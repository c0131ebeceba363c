import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { ReplicaReads, type RequestContext } from '@infobank/platform';
import { AuditRecipientNotFoundError } from '../audit.errors';
import { RecipientAuditQueries } from '../infrastructure/recipient-audit.queries';
import { assertBoardAuditor } from './board-audit-access';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/** One review round of an offer: its outcome and how the votes fell (counts only). */
export interface RecipientReviewView {
  caseId: string;
  round: number;
  status: string;
  outcome: string | null;
  openedAt: string;
  decidedAt: string | null;
  votes: { approve: number; reject: number; requestChanges: number };
}

/** An offer of the recipient with its review history, oldest round first. */
export interface RecipientOfferView {
  id: string;
  status: string;
  purposeCode: string;
  categories: string[];
  validUntil: string;
  submittedAt: string | null;
  createdAt: string;
  reviews: RecipientReviewView[];
}

/** A part of the page that cannot be shown yet because the feature it reads is not built. */
export interface NotYetAvailable {
  available: false;
  reason: string;
}

/** Everything the board reads about one recipient (提供先): offers, provisions, revocations, notices, orders. */
export interface RecipientAuditView {
  recipient: { id: string; name: OrganisationName; status: string };
  offers: RecipientOfferView[];
  provisionsByMonth: Array<{ month: string; provisions: number; subjects: number; records: number }>;
  /** Consents to its offers that ended, per month (UTC) of ending. */
  revocationsByMonth: Array<{ month: string; revoked: number; expired: number }>;
  notices: {
    counts: { open: number; attested: number; overdue: number };
    /** Seconds from issue to attestation over attested notices; null when none is attested. */
    medianSecondsToAttest: number | null;
    p95SecondsToAttest: number | null;
    overdue: Array<{ noticeId: string; kind: string; subjects: number; issuedAt: string; dueAt: string; overdueAt: string | null }>;
  };
  stopUseOrders: Array<{
    id: string;
    target: { type: string; id: string };
    status: string;
    reason: string;
    proposedAt: string;
    confirmedAt: string | null;
    liftedAt: string | null;
  }>;
  /** Complaints are not built yet: absent, not zero. */
  complaints: NotYetAvailable;
}

/** The board's page on one recipient. Unknown ids, and organisations that are not recipients, are AUDIT_RECIPIENT_NOT_FOUND. */
@Injectable()
export class GetRecipientAuditUseCase {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly queries: RecipientAuditQueries,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, recipientId: string): Promise<RecipientAuditView> {
    assertBoardAuditor(ctx);
    return this.reads.run(ctx, (read) => this.read(read, recipientId));
  }

  private async read(ctx: RequestContext, recipientId: string): Promise<RecipientAuditView> {
    const profile = (await this.organisations.findProfiles(ctx, [recipientId])).get(recipientId);
    if (profile === undefined || !profile.roles.includes('recipient')) throw new AuditRecipientNotFoundError();
    const offers = await this.queries.offers(ctx, recipientId);
    const offerIds = offers.map((offer) => offer.id);
    const categories = [...new Set(offers.flatMap((offer) => offer.category_codes))];
    const reviews = await this.queries.reviews(ctx, recipientId);
    const provisions = await this.queries.provisionsByMonth(ctx, recipientId);
    const ended = await this.queries.endedConsentsByMonth(ctx, offerIds);
    const noticeStats = await this.queries.noticeStats(ctx, recipientId);
    const overdue = await this.queries.overdueNotices(ctx, recipientId);
    const orders = await this.queries.stopUseOrders(ctx, recipientId, offerIds, categories);
    const revocations = new Map<string, { month: string; revoked: number; expired: number }>();
    for (const row of ended) {
      const month = revocations.get(row.month) ?? { month: row.month, revoked: 0, expired: 0 };
      month[row.status] = row.consents;
      revocations.set(row.month, month);
    }
    return {
      recipient: { id: profile.id, name: profile.name, status: profile.status },
      offers: offers.map((offer) => ({
        id: offer.id,
        status: offer.status,
        purposeCode: offer.purpose_code,
        categories: offer.category_codes,
        validUntil: new Date(offer.valid_until).toISOString(),
        submittedAt: iso(offer.submitted_at),
        createdAt: new Date(offer.created_at).toISOString(),
        reviews: reviews
          .filter((review) => review.offer_id === offer.id)
          .map((review) => ({
            caseId: review.id,
            round: review.round,
            status: review.status,
            outcome: review.outcome,
            openedAt: new Date(review.opened_at).toISOString(),
            decidedAt: iso(review.decided_at),
            votes: {
              approve: review.votes?.approve ?? 0,
              reject: review.votes?.reject ?? 0,
              requestChanges: review.votes?.request_changes ?? 0,
            },
          })),
      })),
      provisionsByMonth: provisions,
      revocationsByMonth: [...revocations.values()],
      notices: {
        counts: { open: noticeStats.open, attested: noticeStats.attested, overdue: noticeStats.overdue },
        medianSecondsToAttest: noticeStats.median === null ? null : Number(noticeStats.median),
        p95SecondsToAttest: noticeStats.p95 === null ? null : Number(noticeStats.p95),
        overdue: overdue.map((notice) => ({
          noticeId: notice.id,
          kind: notice.kind,
          subjects: Number(notice.subjects),
          issuedAt: new Date(notice.issued_at).toISOString(),
          dueAt: new Date(notice.due_at).toISOString(),
          overdueAt: iso(notice.overdue_at),
        })),
      },
      stopUseOrders: orders.map((order) => ({
        id: order.id,
        target: { type: order.target_type, id: order.target_id },
        status: order.status,
        reason: order.reason,
        proposedAt: new Date(order.proposed_at).toISOString(),
        confirmedAt: iso(order.confirmed_at),
        liftedAt: iso(order.lifted_at),
      })),
      complaints: { available: false, reason: 'Complaints (苦情) are not recorded by the bank yet; this part is absent, not zero.' },
    };
  }
}
