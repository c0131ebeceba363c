import { Injectable } from '@nestjs/common';
import { ListConsentReceiptsUseCase, ListConsentsUseCase } from '@infobank/consent';
import type { RequestContext } from '@infobank/platform';
import { GetConsentWithdrawalUseCase } from '@infobank/revocation';
import type { CollectedSection, DisclosureSectionCollector } from './disclosure-section';

/** consents: every consent with every event and its signed receipt, oldest event first. */
@Injectable()
export class ConsentsSection implements DisclosureSectionCollector {
  readonly section = 'consents' as const;

  constructor(
    private readonly consents: ListConsentsUseCase,
    private readonly receipts: ListConsentReceiptsUseCase,
  ) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const consents = [];
    for (const consent of await this.consents.execute(ctx)) {
      consents.push({ ...consent, events: await this.receipts.execute(ctx, consent.consentId) });
    }
    const rows = consents.flatMap((consent) =>
      consent.events.map((event) => ({
        consentId: consent.consentId,
        offerId: consent.offerId,
        recipientId: consent.recipient.id,
        recipientName: consent.recipient.name,
        purposeCode: consent.purpose.code,
        state: consent.state,
        mode: consent.mode,
        source: consent.source,
        items: consent.items,
        grantedAt: consent.grantedAt,
        endedAt: consent.endedAt,
        eventId: event.eventId,
        eventVersion: String(event.version),
        eventType: event.type,
        occurredAt: event.occurredAt,
        actor: event.actor,
        receiptId: event.receiptId,
        receipt: event.receipt,
      })),
    );
    return { document: { consents }, rows };
  }
}

/**
 * notices: per consent that recipients were notified about, each notice and whether and when the
 * recipient attested deletion. The attestation JWS itself is not copied: it names the pseudonyms of
 * every subject the notice covers, other individuals' among them.
 */
@Injectable()
export class NoticesSection implements DisclosureSectionCollector {
  readonly section = 'notices' as const;

  constructor(
    private readonly consents: ListConsentsUseCase,
    private readonly withdrawals: GetConsentWithdrawalUseCase,
  ) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const consents = [];
    for (const consent of await this.consents.execute(ctx)) {
      const withdrawal = await this.withdrawals.execute(ctx, consent.consentId);
      if (withdrawal.recipients.length > 0) consents.push(withdrawal);
    }
    const rows = consents.flatMap((consent) =>
      consent.recipients.flatMap(({ recipient, notices }) =>
        notices.map((notice) => ({
          consentId: consent.consentId,
          consentState: consent.state,
          withdrawnAt: consent.withdrawnAt,
          recipientId: recipient.id,
          recipientName: recipient.name,
          kind: notice.kind,
          status: notice.status,
          issuedAt: notice.issuedAt,
          dueAt: notice.dueAt,
          attestedAt: notice.attestedAt,
        })),
      ),
    );
    return { document: { consents }, rows };
  }
}
