import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { requireBoardMember, type RequestContext } from '@infobank/platform';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';

/** How one recipient answers notices: how many are open, attested and overdue, and how fast it attests. */
export interface RecipientAttestationSummary {
  recipient: { id: string; name: OrganisationName | null };
  counts: { open: number; attested: number; overdue: number };
  /** Median of attestedAt − issuedAt over its attested notices; null when it has attested none. */
  medianSecondsToAttest: number | null;
}

/** Per recipient that has been sent notices: counts by state and the median time to attest. */
@Injectable()
export class SummariseRecipientAttestationsUseCase {
  constructor(
    private readonly notices: WithdrawalNoticeQueries,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext): Promise<RecipientAttestationSummary[]> {
    requireBoardMember(ctx, { detail: 'The attestation overview is read by board members: the route needs BoardMemberAuthGuard.' });
    const rows = await this.notices.attestationSummary(ctx);
    const profiles = await this.organisations.findProfiles(
      ctx,
      rows.map((row) => row.recipient_id),
    );
    return rows.map((row) => ({
      recipient: { id: row.recipient_id, name: profiles.get(row.recipient_id)?.name ?? null },
      counts: { open: row.open, attested: row.attested, overdue: row.overdue },
      medianSecondsToAttest: row.median === null ? null : Number(row.median),
    }));
  }
}
