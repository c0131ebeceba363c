import { useI18n } from '@infobank/web-ui';
import { useMemo } from 'react';

/** Formats an instant with its date and time in the console's language (deadlines are hours apart). */
export function useFormatTime(): (value: string | null | undefined) => string {
  const { language } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return (value) => (value ? format.format(new Date(value)) : '—');
  }, [language]);
}
