import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/**
 * The folder the chaos run's processes write mail into (MAIL_TRANSPORT=file): the workload reads each
 * individual's verification link from it, as the individual would from their mailbox, so that signing up
 * under faults goes through the real outbox, worker and mail path. Files are parsed once.
 */
export class MailDrop {
  private readonly tokens = new Map<string, string>();
  private readonly seen = new Set<string>();

  constructor(readonly directory: string) {}

  /** The verification token mailed to `address`, or null while its mail has not been written. */
  async verificationToken(address: string): Promise<string | null> {
    const wanted = address.toLowerCase();
    const cached = this.tokens.get(wanted);
    if (cached !== undefined) return cached;
    const files = await readdir(this.directory).catch(() => [] as string[]);
    for (const file of files) {
      if (!file.endsWith('.eml') || this.seen.has(file)) continue;
      this.seen.add(file);
      const mail = await simpleParser(await readFile(join(this.directory, file)));
      const token = /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      const to = (Array.isArray(mail.to) ? mail.to : mail.to === undefined ? [] : [mail.to]).flatMap((entry) => entry.value);
      if (token !== undefined) for (const { address: recipient } of to) if (recipient) this.tokens.set(recipient.toLowerCase(), token);
    }
    return this.tokens.get(wanted) ?? null;
  }
}
