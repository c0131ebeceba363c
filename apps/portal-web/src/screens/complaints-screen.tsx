import { Button, CardList, SelectField, StatusBadge, TextAreaField, useI18n, type MessageKey } from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';
import { COMPLAINT_CATEGORIES, type ComplaintSummary, type ComplaintThread } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

const STATUS_TONE: Record<ComplaintSummary['status'], 'ok' | 'warn' | 'info'> = {
  open: 'info',
  in_progress: 'info',
  awaiting_information: 'warn',
  closed: 'ok',
};

function Status({ complaint }: { complaint: ComplaintSummary }) {
  const { t } = useI18n();
  return (
    <>
      <StatusBadge tone={STATUS_TONE[complaint.status]}>{t(`complaints.status.${complaint.status}` as MessageKey)}</StatusBadge>
      {complaint.escalated ? (
        <>
          {' '}
          <StatusBadge tone="info">{t('complaints.escalated')}</StatusBadge>
        </>
      ) : null}
    </>
  );
}

/** お問い合わせ・苦情: send a complaint to the complaints desk and see the ones sent before. */
export function ComplaintsScreen() {
  const { t, formatDate } = useI18n();
  const { api, navigate } = useApp();
  const act = useAction();
  const { data, reload } = useLoad((client) => client.call<{ complaints: ComplaintSummary[] }>('GET', '/v1/me/complaints'));
  const [category, setCategory] = useState<ComplaintSummary['category']>('other');
  const [text, setText] = useState('');
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await act(() => api.call('POST', '/v1/me/complaints', { body: { category, text } }), t('complaints.sent'))) {
      setText('');
      reload();
    }
  };
  return (
    <>
      <h1>{t('complaints.title')}</h1>
      <p>{t('complaints.explain')}</p>
      <section aria-labelledby="complaints-new">
        <h2 id="complaints-new">{t('complaints.newTitle')}</h2>
        <form onSubmit={(event) => void send(event)}>
          <SelectField
            label={t('complaints.category')}
            value={category}
            onChange={(event) => setCategory(event.target.value as typeof category)}
          >
            {COMPLAINT_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`complaints.category.${value}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('complaints.text')}
            hint={t('complaints.textHint')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={4000}
            required
          />
          <Button type="submit">{t('complaints.send')}</Button>
        </form>
      </section>
      <section aria-labelledby="complaints-mine">
        <h2 id="complaints-mine">{t('complaints.mine')}</h2>
        {data === null ? (
          <p>{t('common.loading')}</p>
        ) : data.complaints.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <CardList label={t('complaints.mine')}>
            {data.complaints.map((complaint) => (
              <li key={complaint.id}>
                <h3>{t(`complaints.category.${complaint.category}` as MessageKey)}</h3>
                <p>
                  <Status complaint={complaint} />
                </p>
                <p>{t('complaints.filedAt', { date: formatDate(complaint.filedAt) })}</p>
                <a
                  href={`/complaints/${complaint.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(`/complaints/${complaint.id}`);
                  }}
                >
                  {t('complaints.open')}
                </a>
              </li>
            ))}
          </CardList>
        )}
      </section>
    </>
  );
}

/** One complaint's conversation with the desk, and the answer form when the desk asked a question. */
export function ComplaintScreen({ complaintId }: { complaintId: string }) {
  const { t, formatDate } = useI18n();
  const { api, navigate } = useApp();
  const act = useAction();
  const { data, error, reload } = useLoad(
    (client) => client.call<ComplaintThread>('GET', `/v1/me/complaints/${complaintId}`),
    [complaintId],
  );
  const [answer, setAnswer] = useState('');
  const sendAnswer = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/v1/me/complaints/${complaintId}/information`;
    if (await act(() => api.call('POST', path, { body: { text: answer } }), t('complaints.answered'))) {
      setAnswer('');
      reload();
    }
  };
  const back = (
    <a
      href="/complaints"
      onClick={(event) => {
        event.preventDefault();
        navigate('/complaints');
      }}
    >
      {t('complaints.back')}
    </a>
  );
  if (data === null) {
    return (
      <>
        <h1>{t('complaints.title')}</h1>
        <p>{error === null ? t('common.loading') : t('common.error', { message: error })}</p>
        {back}
      </>
    );
  }
  return (
    <>
      <h1>{t(`complaints.category.${data.category}` as MessageKey)}</h1>
      <p>
        <Status complaint={data} />
      </p>
      <h2>{t('complaints.thread')}</h2>
      <ol className="ib-thread">
        {data.messages.map((message, index) => (
          <li key={index}>
            <h3>
              {t(`complaints.type.${message.type}` as MessageKey)} · {message.by === 'you' ? t('complaints.byYou') : t('complaints.byDesk')}
            </h3>
            <p>{formatDate(message.at)}</p>
            {message.type === 'escalated' ? (
              <p>{t('complaints.escalatedNote')}</p>
            ) : (
              <p className="ib-thread-text">{message.text ?? t('complaints.textErased')}</p>
            )}
          </li>
        ))}
      </ol>
      {data.status === 'awaiting_information' ? (
        <section aria-labelledby="complaint-answer">
          <h2 id="complaint-answer">{t('complaints.answerTitle')}</h2>
          <p>{t('complaints.answerExplain')}</p>
          <form onSubmit={(event) => void sendAnswer(event)}>
            <TextAreaField
              label={t('complaints.answer')}
              value={answer}
              onChange={(event) => setAnswer(event.target.value)}
              maxLength={4000}
              required
            />
            <Button type="submit">{t('complaints.sendAnswer')}</Button>
          </form>
        </section>
      ) : null}
      {back}
    </>
  );
}
