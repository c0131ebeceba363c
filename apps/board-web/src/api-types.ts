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

export type ComplaintCategory = 'consent' | 'provision' | 'recipient' | 'data_handling' | 'account' | 'benefit' | 'other';
export type ComplaintStatus = 'open' | 'in_progress' | 'awaiting_information' | 'closed';

/** Where a complaint stands against one of the desk's deadlines. */
export interface SlaTimer {
  dueAt: string;
  state: 'pending' | 'overdue' | 'met' | 'missed';
}

/** A complaint in the desk's queue and the board's list (no text). */
export interface ComplaintSummary {
  id: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  priority: 'normal' | 'urgent' | null;
  escalated: boolean;
  escalatedAt: string | null;
  filedAt: string;
  updatedAt: string;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  related: { consentId: string | null; provisionId: string | null; recipientId: string | null };
  sla: { firstReply: SlaTimer; resolution: SlaTimer };
}

export type ComplaintEventType =
  'filed' | 'triaged' | 'replied' | 'information_requested' | 'information_provided' | 'escalated' | 'closed';

/** A complaint with every step of its thread, as the desk (and the board, once escalated) sees it. */
export interface ComplaintThread extends ComplaintSummary {
  events: {
    sequence: number;
    type: ComplaintEventType;
    actor: { type: 'individual' | 'staff'; id: string };
    at: string;
    category: ComplaintCategory | null;
    priority: 'normal' | 'urgent' | null;
    text: string | null;
  }[];
}

interface ComplaintCount {
  total: number;
  open: number;
  escalated: number;
}

/** `GET /v1/complaints/counts`: numbers only. */
export interface ComplaintCounts {
  byCategory: (ComplaintCount & { category: ComplaintCategory })[];
  byRecipient: (ComplaintCount & { recipientId: string | null })[];
}

export type IncidentKind = 'recipient_breach' | 'provider_breach' | 'bank_breach';
export type IncidentState = 'open' | 'notifying' | 'notified' | 'closed';

/** An incident: its impact in counts and items, and its steps (never an individual). */
export interface Incident {
  id: string;
  kind: IncidentKind;
  recipientId: string | null;
  providerId: string | null;
  categories: string[];
  from: string;
  to: string;
  description: string;
  measures: string | null;
  state: IncidentState;
  affectedIndividuals: number;
  affectedRecords: number;
  items: { id: string; label: Text }[];
  notifiedIndividuals: number;
  stopUseOrderId: string | null;
  openedAt: string;
  updatedAt: string;
  steps: { state: IncidentState; at: string; by: { type: string; ref: string } }[];
}
