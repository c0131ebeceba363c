import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the test's SMTP server received: the envelope recipients and the parsed message. */
export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on loopback, inside the test (smtp-server): the bank's worker connects to it as to
 * any mail server, and every message it accepts is parsed (mailparser) and kept for the test to read.
 * Plain SMTP without TLS or authentication, as a local relay would be.
 */
export class SmtpInbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly received: ReceivedMail[],
  ) {}

  /** `refuse`: recipients the server turns away with a permanent error (550), naming the address as real servers do. */
  static async start(options: { refuse?: (address: string) => boolean } = {}): Promise<SmtpInbox> {
    const received: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (options.refuse?.(address.address)) {
          callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((address) => address.address.toLowerCase()), mail });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new SmtpInbox(server, (server.server.address() as AddressInfo).port, received);
  }

  /** The messages received for `address` so far, oldest first. */
  mailsTo(address: string): ParsedMail[] {
    return this.received.filter((entry) => entry.to.includes(address.toLowerCase())).map((entry) => entry.mail);
  }

  /** Waits for the `count`th message to `address` (1 = the first) and returns it. */
  async nthMailTo(address: string, count: number, timeoutMs = 15_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = this.mailsTo(address);
      if (mails.length >= count) return mails[count - 1];
      if (Date.now() > deadline) throw new Error(`Timed out waiting for mail ${count} to the test address (got ${mails.length})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The one-time token in a mail's link to `page` (from the `#token=` fragment of the plain-text body). */
export function tokenInMail(mail: ParsedMail, page: 'verify-email' | 'reset-password'): { url: string; token: string } {
  const match = new RegExp(`(https?://\\S+/${page})#token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (match === null) throw new Error(`No ${page} link in the mail`);
  return { url: `${match[1]}#token=${match[2]}`, token: match[2] };
}
