// The public statistics document (`GET /v1/transparency`), the same from the portal and the ethics board.

/** A published count: null (and suppressed) when it is below the minimum cell and therefore hidden. */
export interface TransparencyCell {
  suppressed: boolean;
  count: number | null;
}

/** One month's counts. */
export interface TransparencyMonth {
  month: string;
  individuals: TransparencyCell;
  consentsByState: Record<'active' | 'paused' | 'revoked' | 'expired', TransparencyCell>;
  provisionsByPurpose: { purposeCode: string; provisions: TransparencyCell }[];
  provisionsByRecipient: { recipient: { id: string; name: { ja: string; en?: string } }; provisions: TransparencyCell }[];
  revocations: TransparencyCell;
  attestations: { count: TransparencyCell; medianSecondsToAttest: number | null };
  boardDecisions: Record<'approved' | 'rejected' | 'changes_requested', TransparencyCell>;
}

/** The whole document: the months (oldest first) and the latest signed checkpoint of the transparency log. */
export interface TransparencyStatistics {
  generatedAt: string;
  minCell: number;
  months: TransparencyMonth[];
  latestCheckpoint: { treeSize: number; rootHash: string; time: string; checkpoint: string } | null;
}
