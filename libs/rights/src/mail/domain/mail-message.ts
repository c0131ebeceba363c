/**
 * Why the bank writes to someone: to verify the address, to reset a password, to tell an address that
 * is already registered that someone tried again, to carry a notification the person opted into, or
 * to remind them once of one (an approval request about to expire).
 */
export type MailPurpose = 'email_verification' | 'password_reset' | 'address_already_registered' | 'notification' | 'reminder';

/** Every mail purpose (the `mail_messages.purpose` column). */
export const MAIL_PURPOSES: readonly MailPurpose[] = [
  'email_verification',
  'password_reset',
  'address_already_registered',
  'notification',
  'reminder',
];

/** One rendered mail: the subject, a plain-text body and the same as HTML (every value escaped). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
