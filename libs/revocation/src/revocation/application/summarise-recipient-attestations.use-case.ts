import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { type RequestContext, requireBoardMember } from '@infobank/platform';
import { DataSource } from 'typeorm';

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
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext): Promise<RecipientAttestationSummary[]> {
    requireBoardMember(ctx, { detail: 'The attestation overview is read by board members: the route needs BoardMemberAuthGuard.' });
    const manager = ctx.transaction ?? this.dataSource.manager;
    const rows: Array<{ recipient_id: string; open: number; attested: number; overdue: number; median: number | null }> =
      await manager.query(
        `SELECT recipient_id,
                count(*) FILTER (WHERE status = 'open')::int AS open,
                count(*) FILTER (WHERE status = 'attested')::int AS attested,
                count(*) FILTER (WHERE status = 'overdue')::int AS overdue,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM attested_at - issued_at))
                  FILTER (WHERE status = 'attested') AS median
           FROM withdrawal_notices
          GROUP BY recipient_id
          ORDER BY recipient_id`,
      );
    const profiles = await this.organisations.findProfiles(
      rows.map((row) => row.recipient_id),
      manager,
    );
    return rows.map((row) => ({
      recipient: { id: row.recipient_id, name: profiles.get(row.recipient_id)?.name ?? null },
      counts: { open: row.open, attested: row.attested, overdue: row.overdue },
      medianSecondsToAttest: row.median === null ? null : Number(row.median),
    }));
  }
}
