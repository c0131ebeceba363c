import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { boardEn, boardJa } from './board-messages';
import { en, ja, type MessageKey } from './messages';

/** The languages the web apps speak; Japanese first. */
export type Language = 'ja' | 'en';

// Only the language choice is kept in the browser; nothing personal, never a token.
const LANGUAGE_ITEM = 'infobank.language';
// One catalogue: the portal's copy and the board console's, in both languages.
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ja: { ...ja, ...boardJa }, en: { ...en, ...boardEn } };

/** What the i18n hook gives a component. */
export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Picks the text for the current language from `{ ja, en? }` (Japanese when English is missing). */
  pick(text: { ja: string; en?: string } | null | undefined): string;
  formatDate(value: string | Date | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_ITEM) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** Provides the language and copy to every component below. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      // Only the language choice ('ja' or 'en') is stored: never a token, nothing about the person.
      localStorage.setItem(LANGUAGE_ITEM, next);
    } catch {
      // A browser that refuses storage keeps the choice for this visit only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    const dateFormat = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium' });
    return {
      language,
      setLanguage,
      t: (key, values = {}) => dictionary[key].replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? '')),
      pick: (text) => (text ? (language === 'en' && text.en ? text.en : text.ja) : ''),
      formatDate: (value) => (value ? dateFormat.format(new Date(value)) : '—'),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Whether a string built at run time (e.g. from a column's name) is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(DICTIONARIES.ja, key);
}

/** The current language, its copy and formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
