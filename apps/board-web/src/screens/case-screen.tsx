import { Button, StatusBadge, useAction, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { useId, useState, type FormEvent } from 'react';
import type { CaseDetail, Catalog, MemberRef, ReviewCase } from '../api-types';
import { CaseStatus } from './cases-screen';
import { OfferFacts } from './offer-facts';
import { SignedDecision } from './signed-decision';

const DECISIONS = ['approve', 'request_changes', 'reject'] as const;

/** One member as the case shows them: field of expertise and whether external. */
export function MemberLabel({ member }: { member: MemberRef }) {
  const { t } = useI18n();
  return (
    <>
      {t(`board.expertise.${member.expertise}` as MessageKey)}({member.external ? t('board.external') : t('board.internal')})
    </>
  );
}

/** A case page: the offer plainly and in full, the recipient, its history, the rules, the votes, voting and recusal, the signed decision. */
export function CaseScreen({ caseId }: { caseId: string }) {
  const { t, pick, formatDate } = useI18n();
  const { navigate } = useAppServices();
  const { data, error, reload } = useLoad(
    async (api) => {
      const [detail, catalog] = await Promise.all([
        api.call<CaseDetail>('GET', `/v1/cases/${caseId}`),
        api.call<Catalog>('GET', '/v1/catalog'),
      ]);
      return { detail, catalog };
    },
    [caseId],
  );
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const { detail, catalog } = data;
  const reviewCase = detail.case;
  const recipientName = detail.recipient ? pick(detail.recipient.name) : reviewCase.recipientId;
  return (
    <>
      <p>
        <a
          href="/cases"
          onClick={(event) => {
            event.preventDefault();
            navigate('/cases');
          }}
        >
          {t('board.case.back')}
        </a>
      </p>
      <h1>{t('board.case.title', { recipient: recipientName })}</h1>
      <p className="case-status">
        {t('board.case.round', { round: reviewCase.round })} <CaseStatus reviewCase={reviewCase} />
      </p>

      <section aria-labelledby="rules">
        <h2 id="rules">{t('board.case.rules')}</h2>
        <p>{reviewCase.stricterReview.length > 0 ? t('board.case.rulesStricter') : t('board.case.rulesStandard')}</p>
        {reviewCase.stricterReview.length > 0 ? (
          <ul>
            {reviewCase.stricterReview.map((reason) => (
              <li key={reason}>{t(`board.case.stricter.${reason}` as MessageKey)}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <div className="columns">
        <section aria-labelledby="offer">
          <h2 id="offer">{t('board.case.plain')}</h2>
          <OfferFacts offer={detail.offer} catalog={catalog} />
          <details>
            <summary>{t('board.case.full')}</summary>
            <pre className="json">{JSON.stringify(detail.offer, null, 2)}</pre>
          </details>
        </section>
        <section aria-labelledby="recipient">
          <h2 id="recipient">{t('board.case.recipientProfile')}</h2>
          <dl className="facts">
            <dt>{t('board.cases.recipient')}</dt>
            <dd>
              <a
                href={`/audit/recipients/${reviewCase.recipientId}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/audit/recipients/${reviewCase.recipientId}`);
                }}
              >
                {recipientName}
              </a>
            </dd>
            <dt>{t('board.case.corporateNumber')}</dt>
            <dd>{detail.recipient?.corporateNumber ?? '—'}</dd>
            <dt>{t('board.case.country')}</dt>
            <dd>{detail.recipient?.country ?? '—'}</dd>
            <dt>{t('board.case.orgStatus')}</dt>
            <dd>{detail.recipient?.status ?? '—'}</dd>
            <dt>{t('board.case.offerStatus')}</dt>
            <dd>{detail.offerStatus ?? '—'}</dd>
          </dl>
          <h3>{t('board.case.pastCases')}</h3>
          {detail.pastCases.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul>
              {detail.pastCases.map((past) => (
                <li key={past.id}>
                  <a
                    href={`/cases/${past.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/cases/${past.id}`);
                    }}
                  >
                    {formatDate(past.openedAt)}
                  </a>{' '}
                  <CaseStatus reviewCase={past} />
                </li>
              ))}
            </ul>
          )}
          <h3>{t('board.case.orders')}</h3>
          {detail.orders.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul>
              {detail.orders.map((order) => (
                <li key={order.id}>
                  <StatusBadge tone={order.status === 'effective' ? 'stop' : 'info'}>
                    {t(`board.orders.status.${order.status}` as MessageKey)}
                  </StatusBadge>{' '}
                  {order.reason}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('board.case.notices')}</h3>
          <p>{detail.openNotices.length === 0 ? t('common.none') : detail.openNotices.length}</p>
        </section>
      </div>

      <Votes reviewCase={reviewCase} />
      {reviewCase.status === 'open' ? <VoteForm caseId={caseId} onDone={reload} /> : null}
      {reviewCase.status === 'decided' ? <SignedDecision reviewCase={reviewCase} /> : null}
    </>
  );
}

function Votes({ reviewCase }: { reviewCase: ReviewCase }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="votes">
      <h2 id="votes">{t('board.case.votes')}</h2>
      {reviewCase.votes.length === 0 ? (
        <p>{t('board.case.noVotes')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('board.case.votesTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.case.member')}</th>
                <th scope="col">{t('board.case.decision')}</th>
                <th scope="col">{t('board.case.reason')}</th>
                <th scope="col">{t('board.case.castAt')}</th>
              </tr>
            </thead>
            <tbody>
              {reviewCase.votes.map((vote) => (
                <tr key={vote.member.id}>
                  <td>
                    <MemberLabel member={vote.member} />
                  </td>
                  <td>{t(`board.decision.${vote.decision}` as MessageKey)}</td>
                  <td>{vote.reason}</td>
                  <td>{formatDate(vote.castAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reviewCase.recusals.length > 0 ? (
        <>
          <h3>{t('board.case.recusals')}</h3>
          <ul>
            {reviewCase.recusals.map((recusal) => (
              <li key={recusal.member.id}>
                <MemberLabel member={recusal.member} />: {recusal.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Voting (承認・差し戻し・却下 with the required 理由) and recusal; both ask for the password again. */
function VoteForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const { api } = useAppServices();
  const run = useAction();
  const reasonId = useId();
  const recuseId = useId();
  const [reason, setReason] = useState('');
  const [recuseReason, setRecuseReason] = useState('');

  const vote = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed says which decision: 承認, 差し戻し or 却下.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = DECISIONS.find((choice) => choice === submitter?.value);
    if (decision === undefined) return;
    const done = await run(
      () => api.call('POST', `/v1/cases/${caseId}/votes`, { body: { decision, reason }, stepUp: true }),
      t('board.case.voted'),
    );
    if (done) onDone();
  };
  const recuse = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(
      () => api.call('POST', `/v1/cases/${caseId}/recusal`, { body: { reason: recuseReason } }),
      t('board.case.recused'),
    );
    if (done) onDone();
  };
  return (
    <section aria-labelledby="your-vote">
      <h2 id="your-vote">{t('board.case.vote')}</h2>
      <form onSubmit={(event) => void vote(event)}>
        <div className="ib-field">
          <label htmlFor={reasonId}>{t('board.case.reason')}</label>
          <textarea
            id={reasonId}
            required
            maxLength={2000}
            rows={4}
            aria-describedby={`${reasonId}-hint`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${reasonId}-hint`} className="ib-hint">
            {t('board.case.voteHint')}
          </p>
        </div>
        <div className="button-row">
          {DECISIONS.map((choice) => (
            <Button
              key={choice}
              type="submit"
              value={choice}
              tone={choice === 'approve' ? 'primary' : choice === 'reject' ? 'danger' : 'secondary'}
            >
              {t(`board.decision.${choice}` as MessageKey)}
            </Button>
          ))}
        </div>
      </form>
      <form onSubmit={(event) => void recuse(event)} className="recusal">
        <div className="ib-field">
          <label htmlFor={recuseId}>{t('board.case.recuseReason')}</label>
          <textarea
            id={recuseId}
            required
            maxLength={2000}
            rows={2}
            value={recuseReason}
            onChange={(event) => setRecuseReason(event.target.value)}
          />
        </div>
        <Button type="submit" tone="secondary">
          {t('board.case.recuse')}
        </Button>
      </form>
    </section>
  );
}
