import {
  Button,
  SelectField,
  StatusBadge,
  TextAreaField,
  useAction,
  useAppServices,
  useI18n,
  useLoad,
  type MessageKey,
} from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';
import type { ComplaintCounts, ComplaintSummary, ComplaintThread, SlaTimer } from '../api-types';
import { useFormatTime } from './format-time';

type Role = 'board_member' | 'staff';

const STATUSES = ['open', 'in_progress', 'awaiting_information', 'closed'] as const;
const OVERDUE = ['first_reply', 'resolution'] as const;

/** 苦情: the desk's queue with its deadlines (staff), or what the board sees of the desk (board members). */
export function ComplaintsScreen({ role }: { role: Role }) {
  return role === 'staff' ? <DeskQueue /> : <BoardComplaints />;
}

/** The desk's queue, oldest first, each row with its two deadlines; overdue ones stand out. */
function DeskQueue() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'' | (typeof STATUSES)[number]>('');
  const [overdue, setOverdue] = useState<'' | (typeof OVERDUE)[number]>('');
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (overdue) query.set('overdue', overdue);
  const { data, error } = useLoad(
    (api) => api.call<{ complaints: ComplaintSummary[] }>('GET', `/v1/desk/complaints${query.toString() ? `?${query}` : ''}`),
    [status, overdue],
  );
  return (
    <>
      <h1>{t('board.nav.complaints')}</h1>
      <p>{t('board.complaints.deskIntro')}</p>
      <div className="filters">
        <SelectField
          label={t('board.complaints.filterStatus')}
          value={status}
          onChange={(event) => setStatus(event.target.value as typeof status)}
        >
          <option value="">{t('board.complaints.all')}</option>
          {STATUSES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`complaints.status.${choice}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('board.complaints.filterOverdue')}
          value={overdue}
          onChange={(event) => setOverdue(event.target.value as typeof overdue)}
        >
          <option value="">{t('board.complaints.all')}</option>
          {OVERDUE.map((choice) => (
            <option key={choice} value={choice}>
              {t(`board.complaints.overdue.${choice}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <ComplaintTable caption={t('board.complaints.queue')} complaints={data.complaints} empty={t('board.complaints.none')} />
      )}
    </>
  );
}

/** The board's view: escalated complaints, and counts by category and by recipient (numbers only). */
function BoardComplaints() {
  const { t } = useI18n();
  const escalated = useLoad((api) => api.call<{ complaints: ComplaintSummary[] }>('GET', '/v1/complaints/escalated'));
  const counts = useLoad((api) => api.call<ComplaintCounts>('GET', '/v1/complaints/counts'));
  const error = escalated.error ?? counts.error;
  return (
    <>
      <h1>{t('board.nav.complaints')}</h1>
      <p>{t('board.complaints.boardIntro')}</p>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      <section aria-labelledby="escalated-complaints">
        <h2 id="escalated-complaints">{t('board.complaints.escalatedList')}</h2>
        {escalated.data === null ? (
          <p>{t('common.loading')}</p>
        ) : (
          <ComplaintTable
            caption={t('board.complaints.escalatedList')}
            complaints={escalated.data.complaints}
            empty={t('board.complaints.noEscalated')}
          />
        )}
      </section>
      {counts.data === null ? <p>{t('common.loading')}</p> : <CountTables counts={counts.data} />}
    </>
  );
}

function CountTables({ counts }: { counts: ComplaintCounts }) {
  const { t } = useI18n();
  const { navigate } = useAppServices();
  if (counts.byCategory.length === 0) return <p>{t('board.complaints.noCounts')}</p>;
  const header = (first: MessageKey) => (
    <thead>
      <tr>
        <th scope="col">{t(first)}</th>
        <th scope="col">{t('board.complaints.total')}</th>
        <th scope="col">{t('board.complaints.notClosed')}</th>
        <th scope="col">{t('board.complaints.escalatedCount')}</th>
      </tr>
    </thead>
  );
  return (
    <div className="columns">
      <section aria-labelledby="complaints-by-category">
        <h2 id="complaints-by-category">{t('board.complaints.byCategory')}</h2>
        <div className="table-scroll">
          <table className="data">
            <caption>{t('board.complaints.byCategory')}</caption>
            {header('board.complaints.category')}
            <tbody>
              {counts.byCategory.map((row) => (
                <tr key={row.category}>
                  <th scope="row">{t(`complaints.category.${row.category}`)}</th>
                  <td>{row.total}</td>
                  <td>{row.open}</td>
                  <td>{row.escalated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="complaints-by-recipient">
        <h2 id="complaints-by-recipient">{t('board.complaints.byRecipient')}</h2>
        <div className="table-scroll">
          <table className="data">
            <caption>{t('board.complaints.byRecipient')}</caption>
            {header('board.complaints.recipient')}
            <tbody>
              {counts.byRecipient.map((row) => (
                <tr key={row.recipientId ?? 'none'}>
                  <th scope="row" className="hash">
                    {row.recipientId ? (
                      <a
                        href={`/audit/recipients/${row.recipientId}`}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/audit/recipients/${row.recipientId}`);
                        }}
                      >
                        {row.recipientId}
                      </a>
                    ) : (
                      t('board.complaints.noRecipient')
                    )}
                  </th>
                  <td>{row.total}</td>
                  <td>{row.open}</td>
                  <td>{row.escalated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** A list of complaints with their deadlines; each row opens the thread. */
function ComplaintTable({ caption, complaints, empty }: { caption: string; complaints: ComplaintSummary[]; empty: string }) {
  const { t } = useI18n();
  const { navigate } = useAppServices();
  const formatTime = useFormatTime();
  if (complaints.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.complaints.filedAt')}</th>
            <th scope="col">{t('board.complaints.category')}</th>
            <th scope="col">{t('board.complaints.status')}</th>
            <th scope="col">{t('board.complaints.priority')}</th>
            <th scope="col">{t('board.complaints.firstReply')}</th>
            <th scope="col">{t('board.complaints.resolution')}</th>
            <th scope="col">{t('board.complaints.escalated')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((complaint) => {
            const overdue = complaint.sla.firstReply.state === 'overdue' || complaint.sla.resolution.state === 'overdue';
            return (
              <tr key={complaint.id} className={overdue ? 'overdue' : undefined}>
                <td>
                  <a
                    href={`/complaints/${complaint.id}`}
                    aria-label={t('board.complaints.open', { date: formatTime(complaint.filedAt) })}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/complaints/${complaint.id}`);
                    }}
                  >
                    {formatTime(complaint.filedAt)}
                  </a>
                </td>
                <td>{t(`complaints.category.${complaint.category}`)}</td>
                <td>{t(`complaints.status.${complaint.status}`)}</td>
                <td>{complaint.priority ? t(`board.complaints.priority.${complaint.priority}`) : '—'}</td>
                <td>
                  <Deadline timer={complaint.sla.firstReply} />
                </td>
                <td>
                  <Deadline timer={complaint.sla.resolution} />
                </td>
                <td>{complaint.escalated ? t('board.complaints.escalatedYes') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const TIMER_TONES = { pending: 'info', overdue: 'stop', met: 'ok', missed: 'warn' } as const;

/** One deadline: where it stands (in words, not colour alone) and when it falls due. */
function Deadline({ timer }: { timer: SlaTimer }) {
  const { t } = useI18n();
  const formatTime = useFormatTime();
  return (
    <>
      <StatusBadge tone={TIMER_TONES[timer.state]}>{t(`board.complaints.sla.${timer.state}`)}</StatusBadge>{' '}
      {t('board.complaints.due', { due: formatTime(timer.dueAt) })}
    </>
  );
}

/** One complaint's thread; the desk answers, asks, escalates or closes here (the board reads escalated ones). */
export function ComplaintScreen({ complaintId, role }: { complaintId: string; role: Role }) {
  const { t } = useI18n();
  const { navigate } = useAppServices();
  const formatTime = useFormatTime();
  const path = role === 'staff' ? `/v1/desk/complaints/${complaintId}` : `/v1/complaints/escalated/${complaintId}`;
  const { data, error, reload } = useLoad((api) => api.call<ComplaintThread>('GET', path), [path]);
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const open = data.status !== 'closed';
  return (
    <>
      <p>
        <a
          href="/complaints"
          onClick={(event) => {
            event.preventDefault();
            navigate('/complaints');
          }}
        >
          {t('board.complaints.back')}
        </a>
      </p>
      <h1>{t('board.complaints.title', { category: t(`complaints.category.${data.category}`) })}</h1>
      <dl className="facts">
        <dt>{t('board.complaints.status')}</dt>
        <dd>{t(`complaints.status.${data.status}`)}</dd>
        <dt>{t('board.complaints.filedAt')}</dt>
        <dd>{formatTime(data.filedAt)}</dd>
        <dt>{t('board.complaints.priority')}</dt>
        <dd>{data.priority ? t(`board.complaints.priority.${data.priority}`) : '—'}</dd>
        <dt>{t('board.complaints.firstReply')}</dt>
        <dd>
          <Deadline timer={data.sla.firstReply} />
        </dd>
        <dt>{t('board.complaints.resolution')}</dt>
        <dd>
          <Deadline timer={data.sla.resolution} />
        </dd>
        {data.related.recipientId ? (
          <>
            <dt>{t('board.complaints.recipient')}</dt>
            <dd className="hash">{data.related.recipientId}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="complaint-thread">
        <h2 id="complaint-thread">{t('board.complaints.thread')}</h2>
        <ol className="thread" aria-label={t('board.complaints.thread')}>
          {data.events.map((event) => (
            <li key={event.sequence}>
              <h3>
                {t(`board.complaints.event.${event.type}`)}:{' '}
                {event.actor.type === 'individual'
                  ? t('board.complaints.by.individual')
                  : t('board.complaints.by.staff', { id: event.actor.id.slice(0, 8) })}
                , {formatTime(event.at)}
              </h3>
              {event.type === 'triaged' ? (
                <p>{event.priority ? t(`board.complaints.priority.${event.priority}`) : null}</p>
              ) : event.text === null ? (
                event.type === 'escalated' ? null : (
                  <p>{t('board.complaints.textErased')}</p>
                )
              ) : (
                <p className="message-text">{event.text}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      {role === 'staff' && open ? (
        <>
          <DeskStep
            id="complaint-reply"
            title="board.complaints.reply"
            label="board.complaints.replyText"
            hint="board.complaints.replyHint"
            button="board.complaints.replySend"
            done="board.complaints.replied"
            path={`/v1/desk/complaints/${complaintId}/replies`}
            onDone={reload}
          />
          {data.status !== 'awaiting_information' ? (
            <DeskStep
              id="complaint-ask"
              title="board.complaints.ask"
              label="board.complaints.askText"
              button="board.complaints.askSend"
              done="board.complaints.asked"
              path={`/v1/desk/complaints/${complaintId}/information-requests`}
              onDone={reload}
            />
          ) : null}
          {data.escalated ? null : (
            <DeskStep
              id="complaint-escalate"
              title="board.complaints.escalate"
              label="board.complaints.escalateText"
              hint="board.complaints.escalateHint"
              button="board.complaints.escalateSend"
              done="board.complaints.escalatedDone"
              path={`/v1/desk/complaints/${complaintId}/escalation`}
              optional
              onDone={reload}
            />
          )}
          <DeskStep
            id="complaint-close"
            title="board.complaints.close"
            label="board.complaints.closeText"
            hint="board.complaints.closeHint"
            button="board.complaints.closeSend"
            done="board.complaints.closed"
            path={`/v1/desk/complaints/${complaintId}/closure`}
            onDone={reload}
          />
        </>
      ) : null}
    </>
  );
}

/** One of the desk's steps on a complaint: a text (required unless `optional`) and its button. */
function DeskStep(props: {
  id: string;
  title: MessageKey;
  label: MessageKey;
  hint?: MessageKey;
  button: MessageKey;
  done: MessageKey;
  path: string;
  optional?: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { api } = useAppServices();
  const run = useAction();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = props.optional && text.trim() === '' ? {} : { text };
    if (await run(() => api.call('POST', props.path, { body }), t(props.done))) {
      setText('');
      props.onDone();
    }
  };
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.title)}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <TextAreaField
          label={t(props.label)}
          hint={props.hint ? t(props.hint) : undefined}
          rows={3}
          maxLength={4000}
          required={!props.optional}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" tone={props.optional ? 'secondary' : 'primary'}>
          {t(props.button)}
        </Button>
      </form>
    </section>
  );
}

/** The complaints counted against one recipient, for its audit page (board members). */
export function RecipientComplaints({ recipientId }: { recipientId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoad((api) => api.call<ComplaintCounts>('GET', '/v1/complaints/counts'));
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const row = data.byRecipient.find((count) => count.recipientId === recipientId) ?? { total: 0, open: 0, escalated: 0 };
  return <p>{t('board.complaints.forRecipient', { total: row.total, open: row.open, escalated: row.escalated })}</p>;
}
