import type { NotificationMessage } from '../../notifications/domain/notification';
import type { RenderedMail } from './mail-message';

/** The languages mail is written in (Japanese first). */
export type MailLanguage = 'ja' | 'en';

/** What every template needs: the reader's language and the portal's public URL (links point there, never at the API). */
export interface MailSetting {
  language: MailLanguage;
  portalUrl: string;
}

/** Escapes text for HTML: every value that enters a mail's HTML goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A portal link with a one-time token in the fragment: browsers never send the fragment to a server or in a Referer. */
export function tokenLink(portalUrl: string, page: 'verify-email' | 'reset-password', token: string): string {
  return `${portalUrl}/${page}#token=${encodeURIComponent(token)}`;
}

const FOOTER = {
  ja: 'このメールは情報銀行 Infobank から送信専用のアドレスでお送りしています。',
  en: 'This message was sent by Infobank from an address that does not receive replies.',
};

interface Parts {
  subject: string;
  paragraphs: string[];
  link?: { href: string; label: string };
}

/** Lays the parts out as plain text and as HTML; nothing enters the HTML unescaped. */
function compose(language: MailLanguage, parts: Parts): RenderedMail {
  const text = [...parts.paragraphs, ...(parts.link ? [`${parts.link.label}: ${parts.link.href}`] : []), '', '--', FOOTER[language]].join(
    '\n\n',
  );
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head><body>`,
    ...parts.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    parts.link ? `<p><a href="${escapeHtml(parts.link.href)}">${escapeHtml(parts.link.label)}</a></p>` : '',
    `<hr><p><small>${escapeHtml(FOOTER[language])}</small></p></body></html>`,
  ].join('\n');
  return { subject: parts.subject, text, html };
}

/** The verification mail sent at registration and on request: a link valid for `validHours`. */
export function verificationMail(setting: MailSetting, token: string, validHours: number): RenderedMail {
  const href = tokenLink(setting.portalUrl, 'verify-email', token);
  if (setting.language === 'en') {
    return compose('en', {
      subject: 'Infobank: confirm your e-mail address',
      paragraphs: [
        'Please confirm that this address is yours by opening the link below.',
        `The link works once and for ${validHours} hours. Until you confirm, you can sign in but cannot give consent.`,
        'If you did not register at Infobank, ignore this message; nothing happens.',
      ],
      link: { href, label: 'Confirm my address' },
    });
  }
  return compose('ja', {
    subject: '【Infobank】メールアドレスの確認',
    paragraphs: [
      '下のリンクを開いて、このメールアドレスがご本人のものであることを確認してください。',
      `リンクは${validHours}時間、1回だけ使えます。確認が済むまでは、ログインはできますが同意はできません。`,
      'Infobank に登録した覚えがない場合は、このメールを無視してください。何も起こりません。',
    ],
    link: { href, label: 'メールアドレスを確認する' },
  });
}

/** The password-reset mail: a link valid for `validMinutes`; using it ends every session. */
export function passwordResetMail(setting: MailSetting, token: string, validMinutes: number): RenderedMail {
  const href = tokenLink(setting.portalUrl, 'reset-password', token);
  if (setting.language === 'en') {
    return compose('en', {
      subject: 'Infobank: set a new password',
      paragraphs: [
        'Someone (hopefully you) asked to set a new password for the Infobank account at this address.',
        `Open the link below within ${validMinutes} minutes to choose a new password. It works once; afterwards every device is signed out.`,
        'If you did not ask, ignore this message: your password stays as it is.',
      ],
      link: { href, label: 'Set a new password' },
    });
  }
  return compose('ja', {
    subject: '【Infobank】パスワードの再設定',
    paragraphs: [
      'このメールアドレスの Infobank アカウントについて、パスワードの再設定が求められました。',
      `${validMinutes}分以内に下のリンクを開いて、新しいパスワードを設定してください。リンクは1回だけ使えます。再設定すると、すべての端末からログアウトします。`,
      '心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
    ],
    link: { href, label: '新しいパスワードを設定する' },
  });
}

/** Told to an address that is registered already when someone registers it again: the owner can take the account over by a reset. */
export function addressAlreadyRegisteredMail(setting: MailSetting): RenderedMail {
  const href = `${setting.portalUrl}/forgot-password`;
  if (setting.language === 'en') {
    return compose('en', {
      subject: 'Infobank: this address is already registered',
      paragraphs: [
        'Someone tried to open an Infobank account with this e-mail address, which already has one.',
        'If it was you: sign in, or set a new password from the link below. Setting a new password also confirms the address and signs out every other device, so an account someone else opened with your address becomes yours.',
        'If it was not you, you need do nothing.',
      ],
      link: { href, label: 'Set a new password' },
    });
  }
  return compose('ja', {
    subject: '【Infobank】このメールアドレスは登録済みです',
    paragraphs: [
      'このメールアドレスで Infobank のアカウントを作成しようとする操作がありましたが、このアドレスはすでに登録されています。',
      'ご本人の場合は、ログインするか、下のリンクから新しいパスワードを設定してください。パスワードを再設定するとメールアドレスも確認済みになり、ほかの端末はすべてログアウトします。他人があなたのアドレスで作成したアカウントも、これであなたのものになります。',
      '心当たりがない場合は、何もする必要はありません。',
    ],
    link: { href, label: '新しいパスワードを設定する' },
  });
}

/**
 * A notification as mail, from the notification's own ja/en text, so that every kind (present and
 * future) is mailed without code of its own. A reminder says so in its subject.
 */
export function notificationMail(setting: MailSetting, message: NotificationMessage, options: { reminder: boolean }): RenderedMail {
  const language = setting.language;
  const title = message.title[language] || message.title.ja;
  const lines = message.lines[language]?.length ? message.lines[language] : message.lines.ja;
  const prefix = options.reminder ? (language === 'en' ? 'Reminder: ' : '【再送・期限が近づいています】') : '';
  const intro = language === 'en' ? 'You have a new notification at Infobank.' : 'Infobank から新しいお知らせがあります。';
  const settings =
    language === 'en'
      ? 'You can choose which notifications reach you by e-mail in the portal, under Settings.'
      : 'メールで受け取るお知らせの種類は、ポータルの「設定」で選べます。';
  return compose(language, {
    subject: `${language === 'en' ? 'Infobank' : '【Infobank】'}${language === 'en' ? ': ' : ''}${prefix}${title}`,
    paragraphs: [intro, title, ...lines, settings],
    link: { href: `${setting.portalUrl}/notifications`, label: language === 'en' ? 'Open my notifications' : 'お知らせを開く' },
  });
}
