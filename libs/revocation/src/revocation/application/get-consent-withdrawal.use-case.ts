import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { GetOwnConsentUseCase, type ConsentStatus } from '@infobank/consent';
import type { RequestContext } from '@infobank/platform';
import type { NoticeKind, NoticeStatus } from '../domain/notice';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';

/** One notice as the individual reads it: which kind, where it stands, when it was attested. */
export interface WithdrawalNoticeState {
  kind: NoticeKind;
  status: NoticeStatus;
  issuedAt: string;
  dueAt: string;
  attestedAt: string | null;
}

/** Where withdrawal of one of my consents stands, per recipient that held my data. */
export interface ConsentWithdrawalView {
  consentId: string;
  state: ConsentStatus;
  /** When the consent ended (revoked or expired); null while it is live. */
  withdrawnAt: string | null;
  recipients: Array<{ recipient: { id: string; name: OrganisationName | null }; notices: WithdrawalNoticeState[] }>;
}

/** The individual's view of one of their own consents' withdrawal (another's reads as not found). */
@Injectable()
export class GetConsentWithdrawalUseCase {
  constructor(
    private readonly notices: WithdrawalNoticeQueries,
    private readonly getOwnConsent: GetOwnConsentUseCase,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentWithdrawalView> {
    const consent = await this.getOwnConsent.execute(ctx, consentId);
    const notices = await this.notices.ofConsent(ctx, consent.consentId);
    const profiles = await this.organisations.findProfiles(
      ctx,
      notices.map((notice) => notice.recipientId),
    );
    const byRecipient = new Map<string, WithdrawalNoticeState[]>();
    for (const notice of notices) {
      const states = byRecipient.get(notice.recipientId) ?? [];
      states.push({
        kind: notice.kind,
        status: notice.status,
        issuedAt: notice.issuedAt.toISOString(),
        dueAt: notice.dueAt.toISOString(),
        attestedAt: notice.attestedAt?.toISOString() ?? null,
      });
      byRecipient.set(notice.recipientId, states);
    }
    return {
      consentId: consent.consentId,
      state: consent.state,
      withdrawnAt: consent.endedAt,
      recipients: [...byRecipient].map(([recipientId, states]) => ({
        recipient: { id: recipientId, name: profiles.get(recipientId)?.name ?? null },
        notices: states,
      })),
    };
  }
}
