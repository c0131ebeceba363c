import { Button, Field, SelectField, StatusBadge, useAction, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { useId, useState, type FormEvent } from 'react';
import type { StopUseOrder } from '../api-types';

const TARGET_TYPES = ['recipient', 'offer', 'category'] as const;

/** 利用停止命令: propose an order, confirm another member's, ask to lift and lift; each order says what it stops now. */
export function OrdersScreen() {
  const { t } = useI18n();
  const { data, error, reload } = useLoad((api) => api.call<{ orders: StopUseOrder[] }>('GET', '/v1/orders'));
  return (
    <>
      <h1>{t('board.nav.orders')}</h1>
      <p>{t('board.orders.intro')}</p>
      <ProposeOrder onDone={reload} />
      <section aria-labelledby="order-list">
        <h2 id="order-list">{t('board.orders.list')}</h2>
        {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
        {data === null ? (
          <p>{t('common.loading')}</p>
        ) : data.orders.length === 0 ? (
          <p>{t('board.orders.none')}</p>
        ) : (
          <ul className="ib-cards" aria-label={t('board.orders.list')}>
            {data.orders.map((order) => (
              <OrderCard key={order.id} order={order} onDone={reload} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ProposeOrder({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const { api } = useAppServices();
  const run = useAction();
  const reasonId = useId();
  const [type, setType] = useState<(typeof TARGET_TYPES)[number]>('recipient');
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(
      () => api.call('POST', '/v1/orders', { body: { target: { type, id: id.trim() }, reason }, stepUp: true }),
      t('board.orders.proposed'),
    );
    if (done) {
      setId('');
      setReason('');
      onDone();
    }
  };
  return (
    <section aria-labelledby="propose-order">
      <h2 id="propose-order">{t('board.orders.propose')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <SelectField label={t('board.orders.targetType')} value={type} onChange={(event) => setType(event.target.value as typeof type)}>
          {TARGET_TYPES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`board.orders.target.${choice}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('board.orders.targetId')}
          hint={t('board.orders.targetIdHint')}
          value={id}
          onChange={(event) => setId(event.target.value)}
          required
        />
        <div className="ib-field">
          <label htmlFor={reasonId}>{t('board.orders.reason')}</label>
          <textarea id={reasonId} required maxLength={2000} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
        <Button type="submit" tone="danger">
          {t('board.orders.proposeButton')}
        </Button>
      </form>
    </section>
  );
}

function OrderCard({ order, onDone }: { order: StopUseOrder; onDone(): void }) {
  const { t, formatDate } = useI18n();
  const { api } = useAppServices();
  const run = useAction();
  const [liftReason, setLiftReason] = useState('');
  const headingId = useId();
  const reasonId = useId();
  const act = async (path: string, done: string, body?: unknown) => {
    if (await run(() => api.call('POST', `/v1/orders/${order.id}/${path}`, { body, stepUp: true }), done)) onDone();
  };
  const lift = (event: FormEvent) => {
    event.preventDefault();
    void act('lift', order.liftRequested ? t('board.orders.lifted') : t('board.orders.liftAsked'), { reason: liftReason });
  };
  const suspended = order.suspendedOfferIds ?? [];
  return (
    <li aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('board.orders.on', { type: t(`board.orders.target.${order.target.type}` as MessageKey), id: order.target.id })}
      </h3>
      <p>
        <StatusBadge tone={order.status === 'effective' ? 'stop' : order.status === 'proposed' ? 'warn' : 'info'}>
          {t(`board.orders.status.${order.status}` as MessageKey)}
        </StatusBadge>{' '}
        {order.reason}
      </p>
      <ul className="plain">
        <li>{t('board.orders.proposedAt', { date: formatDate(order.proposed.at) })}</li>
        {order.confirmed ? <li>{t('board.orders.confirmedAt', { date: formatDate(order.confirmed.at) })}</li> : null}
        {order.liftRequested ? (
          <li>{t('board.orders.liftRequested', { date: formatDate(order.liftRequested.at), reason: order.liftRequested.reason })}</li>
        ) : null}
        {order.lifted ? <li>{t('board.orders.liftedAt', { date: formatDate(order.lifted.at) })}</li> : null}
      </ul>
      <h4>{t('board.orders.suspends')}</h4>
      {suspended.length === 0 ? (
        <p>{t('board.orders.suspendsNothing')}</p>
      ) : (
        <ul className="plain" aria-label={t('board.orders.suspends')}>
          {suspended.map((offerId) => (
            <li key={offerId} className="hash">
              {offerId}
            </li>
          ))}
        </ul>
      )}
      {order.status === 'proposed' ? (
        <Button onClick={() => void act('confirm', t('board.orders.confirmed'))}>{t('board.orders.confirm')}</Button>
      ) : null}
      {order.status === 'effective' ? (
        <form onSubmit={lift}>
          <div className="ib-field">
            <label htmlFor={reasonId}>{t('board.orders.liftReason')}</label>
            <textarea
              id={reasonId}
              required
              maxLength={2000}
              rows={2}
              value={liftReason}
              onChange={(event) => setLiftReason(event.target.value)}
            />
          </div>
          <Button type="submit" tone="secondary">
            {order.liftRequested ? t('board.orders.lift') : t('board.orders.askLift')}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
