import { NOTIFICATION_KINDS } from './notification';

/**
 * Kinds mailed unless the individual turns them off: what needs the person's answer or attention in
 * time (an approval request expires unanswered; a disclosure, a complaint answer and an incident
 * concern their rights). Every other kind is mailed only when the individual turns it on. Kinds other
 * contexts add later follow the same rule without code here.
 */
export const EMAIL_BY_DEFAULT: ReadonlySet<string> = new Set([
  'approval_requested',
  'disclosure_ready',
  'complaint_answered',
  'incident_affecting_me',
]);

/** Whether a notification of `kind` goes out by e-mail: the individual's choice when they made one, else the default. */
export function emailWanted(kind: string, chosen: boolean | undefined): boolean {
  return chosen ?? EMAIL_BY_DEFAULT.has(kind);
}

/** One kind's e-mail setting as the individual sees it. */
export interface NotificationEmailPreference {
  kind: string;
  email: boolean;
}

/** Every kind the inbox knows, with the individual's choice or the default. */
export function preferencesOf(chosen: ReadonlyMap<string, boolean>): NotificationEmailPreference[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: emailWanted(kind, chosen.get(kind)) }));
}
