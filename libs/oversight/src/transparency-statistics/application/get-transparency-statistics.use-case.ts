import { Inject, Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { APP_CONFIG, ReplicaReads, type AppConfig, type RequestContext } from '@infobank/platform';
import { TransparencyLog, type LogCheckpointView } from '@infobank/transparency-log';
import {
  suppressCells,
  suppressCellsOfKnownTotal,
  suppressSmallCell,
  type KeyedCount,
  type StatisticCell,
} from '../domain/small-cell-suppression';
import { StatisticsWindow, TransparencyStatisticsQueries, type MonthlyCountRow } from '../infrastructure/transparency-statistics.queries';

/** How many calendar months (UTC) the statistics cover, the current one included. */
export const TRANSPARENCY_MONTHS = 12;

/** How long one computation of the statistics is served again (they are public and cost a scan of the ledgers). */
export const TRANSPARENCY_CACHE_MS = 60_000;

const CONSENT_STATES = ['active', 'paused', 'revoked', 'expired'] as const;
const DECISION_OUTCOMES = ['approved', 'rejected', 'changes_requested'] as const;
const STATE_AFTER_EVENT: Record<string, (typeof CONSENT_STATES)[number]> = {
  consent_granted: 'active',
  consent_resumed: 'active',
  consent_paused: 'paused',
  consent_revoked: 'revoked',
  consent_expired: 'expired',
};

/** One month of the public statistics; every count is a cell that may be suppressed. */
export interface TransparencyMonth {
  /** `YYYY-MM`, a calendar month in UTC; the current month counts up to now. */
  month: string;
  /** Individuals with an account at the end of the month. */
  individuals: StatisticCell;
  /** Consents in each state at the end of the month. */
  consentsByState: Record<(typeof CONSENT_STATES)[number], StatisticCell>;
  /** Provisions made in the month per purpose code (purposes with none are not listed). */
  provisionsByPurpose: Array<{ purposeCode: string; provisions: StatisticCell }>;
  /** Provisions made in the month per recipient (recipients with none are not listed). */
  provisionsByRecipient: Array<{ recipient: { id: string; name: OrganisationName | null }; provisions: StatisticCell }>;
  /** Consents revoked in the month. */
  revocations: StatisticCell;
  /** Deletion attestations received in the month and their median seconds from notice to attestation (null when suppressed or none). */
  attestations: { count: StatisticCell; medianSecondsToAttest: number | null };
  /** The board's decisions on offers in the month per outcome. */
  boardDecisions: Record<(typeof DECISION_OUTCOMES)[number], StatisticCell>;
}

/** The public transparency statistics (透明性統計): monthly counts with small cells suppressed, and the latest signed checkpoint. */
export interface TransparencyStatistics {
  generatedAt: string;
  /** Counts below this are published as suppressed (TRANSPARENCY_MIN_CELL). */
  minCell: number;
  /** Oldest month first. */
  months: TransparencyMonth[];
  /** The transparency log's latest signed checkpoint; null before the first seal. */
  latestCheckpoint: LogCheckpointView | null;
}

/**
 * Builds the public statistics for anyone (no sign-in). Every count below TRANSPARENCY_MIN_CELL is suppressed; the two
 * breakdowns of a month's provisions (by purpose and by recipient) each sum to the same total, so each also hides
 * enough further cells that no hidden cell can be recomputed from the other breakdown. No totals are published.
 */
@Injectable()
export class GetTransparencyStatisticsUseCase {
  private cached: { at: number; value: TransparencyStatistics } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisations: OrganisationDirectory,
    private readonly log: TransparencyLog,
    private readonly queries: TransparencyStatisticsQueries,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext): Promise<TransparencyStatistics> {
    const now = ctx.now();
    if (this.cached !== null && now.getTime() - this.cached.at >= 0 && now.getTime() - this.cached.at < TRANSPARENCY_CACHE_MS) {
      return this.cached.value;
    }
    const value = await this.reads.run(ctx, (read) => this.compute(read, now));
    this.cached = { at: now.getTime(), value };
    return value;
  }

  private async compute(ctx: RequestContext, now: Date): Promise<TransparencyStatistics> {
    const minCell = this.config.transparency.minCell;
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (TRANSPARENCY_MONTHS - 1), 1));
    const window = new StatisticsWindow(first.toISOString().slice(0, 19), TRANSPARENCY_MONTHS, now);
    const individuals = await this.queries.individuals(ctx, window);
    const consentEvents = await this.queries.consentsByState(ctx, window);
    const byPurpose = await this.queries.provisions(ctx, window, 'purpose');
    const byRecipient = await this.queries.provisions(ctx, window, 'recipient');
    const revocations = await this.queries.revocations(ctx, window);
    const attestations = await this.queries.attestations(ctx, window);
    const decisions = await this.queries.boardDecisions(ctx, window);
    const profiles = await this.organisations.findProfiles(ctx, [...new Set(byRecipient.map((row) => row.key))]);
    const months = individuals.map((row): TransparencyMonth => {
      const month = row.month;
      const states = countsOf(consentEvents, month, (key) => STATE_AFTER_EVENT[key]);
      const attested = attestations.find((entry) => entry.month === month);
      const attestationCell = suppressSmallCell(attested?.attestations ?? 0, minCell);
      return {
        month,
        individuals: suppressSmallCell(row.count, minCell),
        consentsByState: byKey(
          suppressCells(
            CONSENT_STATES.map((state) => ({ key: state, count: states.get(state) ?? 0 })),
            minCell,
          ),
        ),
        provisionsByPurpose: suppressCellsOfKnownTotal(listed(byPurpose, month), minCell).map(({ key, cell }) => ({
          purposeCode: key,
          provisions: cell,
        })),
        provisionsByRecipient: suppressCellsOfKnownTotal(listed(byRecipient, month), minCell).map(({ key, cell }) => ({
          recipient: { id: key, name: profiles.get(key)?.name ?? null },
          provisions: cell,
        })),
        revocations: suppressSmallCell(revocations.find((entry) => entry.month === month)?.count ?? 0, minCell),
        attestations: {
          count: attestationCell,
          medianSecondsToAttest: attestationCell.suppressed || attested?.median == null ? null : Number(attested.median),
        },
        boardDecisions: byKey(
          suppressCells(
            DECISION_OUTCOMES.map((outcome) => ({ key: outcome, count: countsOf(decisions, month, (key) => key).get(outcome) ?? 0 })),
            minCell,
          ),
        ),
      };
    });
    return { generatedAt: now.toISOString(), minCell, months, latestCheckpoint: await this.log.latestCheckpoint(ctx) };
  }
}

/** The month's counts summed per mapped key (keys that map to nothing are left out). */
function countsOf(rows: readonly MonthlyCountRow[], month: string, keyOf: (key: string) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.month === month ? keyOf(row.key) : undefined;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return counts;
}

/** The month's rows as keyed counts, in key order. */
function listed(rows: readonly MonthlyCountRow[], month: string): KeyedCount<string>[] {
  return rows.filter((row) => row.month === month).map((row) => ({ key: row.key, count: row.count }));
}

function byKey<K extends string>(cells: Array<{ key: K; cell: StatisticCell }>): Record<K, StatisticCell> {
  return Object.fromEntries(cells.map(({ key, cell }) => [key, cell])) as Record<K, StatisticCell>;
}
