import { escapeHtml, notificationMail, passwordResetMail, tokenLink, verificationMail } from './mail-templates';

const ja = { language: 'ja' as const, portalUrl: 'https://portal.example.jp' };
const en = { language: 'en' as const, portalUrl: 'https://portal.example.jp' };
const token = 'A'.repeat(43);

describe('mail templates', () => {
  it('escape every character HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('put the one-time token in the fragment of a portal page link, never in the path or query', () => {
    const link = new URL(tokenLink(ja.portalUrl, 'reset-password', token));
    expect(link.pathname).toBe('/reset-password');
    expect(link.search).toBe('');
    expect(link.hash).toBe(`#token=${token}`);
  });

  it('write Japanese first, and English for English readers, each as text and as HTML', () => {
    const japanese = verificationMail(ja, token, 24);
    expect(japanese.subject).toBe('【Infobank】メールアドレスの確認');
    expect(japanese.text).toContain('24時間');
    expect(japanese.text).toContain(`https://portal.example.jp/verify-email#token=${token}`);
    expect(japanese.html).toContain('<html lang="ja">');
    const english = passwordResetMail(en, token, 30);
    expect(english.subject).toBe('Infobank: set a new password');
    expect(english.text).toContain('within 30 minutes');
    expect(english.html).toContain('<html lang="en">');
  });

  it('render any notification from its own ja/en text, escaped, and mark a reminder in the subject', () => {
    const message = {
      title: { ja: '<b>株式会社テスト</b>がデータの提供を求めています', en: 'Test K.K. asks for your data' },
      lines: { ja: ['72時間以内に回答してください。'], en: ['Answer within 72 hours.'] },
    };
    const mail = notificationMail(ja, message, { reminder: false });
    expect(mail.subject).toBe('【Infobank】<b>株式会社テスト</b>がデータの提供を求めています');
    expect(mail.html).toContain('&#60;b&#62;株式会社テスト&#60;/b&#62;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('72時間以内に回答してください。');
    expect(mail.text).toContain('https://portal.example.jp/notifications');
    const reminder = notificationMail(en, message, { reminder: true });
    expect(reminder.subject).toBe('Infobank: Reminder: Test K.K. asks for your data');
    expect(reminder.text).toContain('Answer within 72 hours.');
  });
});
