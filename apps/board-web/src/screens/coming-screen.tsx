import { useI18n, type MessageKey } from '@infobank/web-ui';

/** A screen whose API is still being built (インシデント, 苦情): its title and what it will offer. */
export function ComingScreen({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
    </>
  );
}
