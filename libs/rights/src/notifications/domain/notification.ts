/** What a notification tells the individual about; the portal shows its text, clients may branch on the kind. */
export type NotificationKind =
  | 'consent_granted_by_standing_condition'
  | 'approval_requested'
  | 'withdrawal_attested'
  | 'disclosure_ready'
  | 'complaint_answered'
  | 'incident_affecting_me';

/** Every notification kind (the `notifications.kind` column). */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'consent_granted_by_standing_condition',
  'approval_requested',
  'withdrawal_attested',
  'disclosure_ready',
  'complaint_answered',
  'incident_affecting_me',
];

/** A notification's user-facing text: a title and lines, in Japanese and English. */
export interface NotificationMessage {
  title: { ja: string; en: string };
  lines: { ja: string[]; en: string[] };
}

/** What a notification is about: a consent, an approval request, an offer, a disclosure request, a complaint, an incident (ids only, never personal data). */
export interface NotificationSubject {
  type: 'consent' | 'approval_request' | 'offer' | 'disclosure' | 'complaint' | 'incident';
  id: string;
}

/** A notification to write for one individual. */
export interface NewNotification {
  individualId: string;
  kind: NotificationKind;
  subject: NotificationSubject;
  message: NotificationMessage;
}
