import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedMail } from '../domain/mail-message';

/** A mail ready to go: the recipient's address and the rendered content. */
export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Our own id of the mail, as the Message-ID's local part, so a bounce or a log line can name it without the address. */
  mailId: string;
}

/**
 * Hands mail to the configured transport: the SMTP server (MAIL_TRANSPORT=smtp, nodemailer), or a
 * folder of .eml files (MAIL_TRANSPORT=file, development and tests). Only the worker sends. The SMTP
 * password is read from SMTP_PASSWORD_FILE when that is set, at the first send.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Promise<Transporter> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sends one mail; resolves when the transport accepted it. */
  async send(mail: OutgoingMail): Promise<void> {
    const { from } = this.config.mail;
    const messageId = `<${mail.mailId}@${new URL(this.config.http.publicUrls.portal).hostname || 'infobank'}>`;
    const message = { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId };
    if (this.config.mail.transport === 'file') {
      const built = await createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
      await mkdir(this.config.mail.directory, { recursive: true });
      await writeFile(join(this.config.mail.directory, `${mail.mailId}.eml`), built.message as Buffer, { mode: 0o600 });
      return;
    }
    try {
      await (await this.smtp()).sendMail(message);
    } catch (error) {
      throw sanitised(error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.transporter !== undefined) (await this.transporter).close();
  }

  private smtp(): Promise<Transporter> {
    this.transporter ??= (async () => {
      const { host, port, secure, user, password, passwordFile } = this.config.mail.smtp;
      const secret = passwordFile !== undefined ? (await readFile(passwordFile, 'utf8')).trim() : password;
      return createTransport({
        host,
        port,
        secure,
        // Pooled: one connection carries many mails; STARTTLS whenever the server offers it.
        pool: true,
        requireTLS: this.config.environment === 'production' && !secure,
        auth: user !== undefined ? { user, pass: secret ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    })();
    return this.transporter;
  }
}

/**
 * An SMTP failure without its message: servers quote the recipient's address in their replies, and the
 * message would reach the worker's log and Redis. Only the error code and the reply's status remain. A
 * permanent refusal (5xx) is not retried; anything else is, with the job's backoff.
 */
function sanitised(error: unknown): Error {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const status = typeof responseCode === 'number' ? responseCode : undefined;
  const message = `SMTP delivery failed (${typeof code === 'string' ? code : 'unknown'}${status !== undefined ? `, reply ${status}` : ''})`;
  return status !== undefined && status >= 500 ? new UnrecoverableError(message) : new Error(message);
}
