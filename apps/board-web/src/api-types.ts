// The shapes of the ethics board API's answers that the console reads (see the README's board sections).

export interface Text {
  ja: string;
  en?: string;
}

export type Expertise = 'engineer' | 'security' | 'legal' | 'data_ethics' | 'consumer' | 'media';

export interface MemberRef {
  id: string;
  expertise: Expertise;
  external: boolean;
}

export interface CaseSummary {
  id: string;
  offerId: string;
  recipientId: string;
  round: number;
  status: 'open' | 'decided';
  outcome: 'approved' | 'rejected' | 'changes_requested' | null;
  stricterReview: ('sensitive_items' | 'profiling' | 'cross_border')[];
  openedAt: string;
  decidedAt: string | null;
  voteCount?: number;
}

export interface ReviewCase extends CaseSummary {
  votes: { member: MemberRef; decision: 'approve' | 'reject' | 'request_changes'; reason: string; castAt: string }[];
  recusals: { member: MemberRef; reason: string; recusedAt: string }[];
  decisionJws: string | null;
}

export interface OfferSnapshot {
  id: string;
  recipientId: string;
  status: string;
  round: number;
  purposeCode: string;
  purposeText: Text;
  items: { itemId: string; categoryId: string; required: boolean; sensitive: boolean }[];
  dataRange: { fromDaysAgo: number } | { from: string; to: string };
  fetch: { type: 'one_time' } | { type: 'periodic'; per: 'day' | 'week' | 'month'; max: number };
  dataLifeDays: number;
  benefit: { type: string; amount?: number; description: Text };
  processingCountries: string[];
  profiling: boolean;
  termsVersion: string;
  validUntil: string;
  submittedAt: string | null;
}

export interface OrganisationProfile {
  id: string;
  name: Text;
  corporateNumber?: string;
  country?: string;
  roles?: string[];
  status?: string;
}

export interface StopUseOrder {
  id: string;
  target: { type: 'recipient' | 'offer' | 'category'; id: string };
  reason: string;
  status: 'proposed' | 'effective' | 'lifted';
  proposed: { memberId: string; at: string };
  confirmed: { memberId: string; at: string } | null;
  liftRequested: { memberId: string; at: string; reason: string } | null;
  lifted: { memberId: string; at: string } | null;
  suspendedOfferIds?: string[];
}

export interface CaseDetail {
  case: ReviewCase;
  offer: OfferSnapshot;
  offerStatus: string | null;
  recipient: OrganisationProfile | null;
  pastCases: CaseSummary[];
  orders: StopUseOrder[];
  openNotices: { id?: string; kind?: string }[];
}

export interface Catalog {
  categories: { code: string; label: Text; items: { id: string; label: Text; sensitivity: 'normal' | 'sensitive' }[] }[];
  purposes: { code: string; label: Text; dpv: string }[];
}

export interface ReportSummary {
  id: string;
  period: string;
  trigger: 'board' | 'schedule';
  generatedAt: string;
}

export interface Report extends ReportSummary {
  report: {
    period: string;
    from: string;
    to: string;
    tables: Record<string, Record<string, string | number | null>[]>;
    absent: { section: string; reason: string }[];
  };
  jws: string;
}

export interface LogVerification {
  id: string;
  status: 'running' | 'passed' | 'failed';
  fromSize: number;
  toSize: number;
  checkedSize: number;
  checkpointsChecked: number;
  failureCount: number;
  failures: { kind: string; leafIndex: number | null }[];
  requestedAt: string;
  completedAt: string | null;
}
