import { Button, CardList, useI18n } from '@infobank/web-ui';
import { useState } from 'react';
import type { MyTerms } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';
import { AgreeCheckbox, currentTerms, TermsText } from './terms-pieces';

/** 規約: the current terms, whether I accepted them, accepting a new version, and my acceptance history. */
export function TermsScreen() {
  const { t, formatDate } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const [agreed, setAgreed] = useState(false);
  const { data, reload } = useLoad(async (client) => ({
    terms: await currentTerms(client),
    mine: await client.call<MyTerms>('GET', '/v1/me/terms'),
  }));
  const accept = async (version: string) => {
    if (await act(() => api.call('POST', '/v1/me/terms/accept', { body: { version } }), t('terms.accepted'))) {
      setAgreed(false);
      reload();
    }
  };
  return (
    <>
      <h1>{t('terms.title')}</h1>
      <p>{t('terms.explain')}</p>
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.terms === null ? (
        <p>{t('terms.none')}</p>
      ) : (
        <>
          <h2>{t('terms.current', { version: data.terms.version, date: formatDate(data.terms.publishedAt) })}</h2>
          <TermsText terms={data.terms} />
          {data.mine.acceptanceRequired === null ? (
            <p>{t('terms.upToDate')}</p>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void accept(data.mine.acceptanceRequired as string);
              }}
            >
              <p>{t('terms.needed')}</p>
              <AgreeCheckbox label={t('terms.agree')} checked={agreed} onChange={setAgreed} />
              <Button type="submit" disabled={!agreed}>
                {t('terms.accept')}
              </Button>
            </form>
          )}
          <h2>{t('terms.history')}</h2>
          {data.mine.acceptances.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <CardList label={t('terms.history')}>
              {data.mine.acceptances.map((acceptance) => (
                <li key={`${acceptance.version}-${acceptance.acceptedAt}`}>
                  {t('terms.historyEntry', {
                    version: acceptance.version,
                    date: formatDate(acceptance.acceptedAt),
                    method: t(`terms.method.${acceptance.method}` as const),
                  })}
                </li>
              ))}
            </CardList>
          )}
        </>
      )}
    </>
  );
}
