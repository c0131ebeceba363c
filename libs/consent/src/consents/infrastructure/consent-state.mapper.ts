import type { ConsentEvent, GrantedConsent } from '../domain/consent';
import type { ConsentEntity } from './consent.entity';

/** The state the ledger rules work on, read from the current-state row. */
export function stateOfRow(row: Omit<ConsentEntity, 'offerSnapshot'>): GrantedConsent {
  const facts = {
    consentId: row.id,
    individualId: row.individualId,
    offerId: row.offerId,
    recipientId: row.recipientId,
    items: [...row.items],
    mode: row.mode,
    source: row.source,
    expiresAt: row.expiresAt,
    explanation: row.explanation,
    version: row.version,
    grantedAt: row.grantedAt,
  };
  if (row.status === 'revoked')
    return { status: 'revoked', revokedAt: row.endedAt ?? row.updatedAt, reason: row.revocationReason, ...facts };
  if (row.status === 'expired')
    return { status: 'expired', expiredAt: row.endedAt ?? row.updatedAt, cause: row.expiryCause ?? 'expires_at', ...facts };
  return { status: row.status, ...facts };
}

/** The current-state columns `state` (after `event`) is stored as. */
export function rowValuesOf(state: GrantedConsent, event: ConsentEvent): Omit<ConsentEntity, 'offerSnapshot'> {
  return {
    id: state.consentId,
    individualId: state.individualId,
    offerId: state.offerId,
    recipientId: state.recipientId,
    status: state.status,
    mode: state.mode,
    source: state.source,
    items: state.items,
    expiresAt: state.expiresAt,
    explanation: state.explanation,
    version: state.version,
    grantedAt: state.grantedAt,
    updatedAt: event.at,
    endedAt: state.status === 'revoked' ? state.revokedAt : state.status === 'expired' ? state.expiredAt : null,
    revocationReason: state.status === 'revoked' ? state.reason : null,
    expiryCause: state.status === 'expired' ? state.cause : null,
  };
}

/** The event's own fields as stored in `consent_events.payload`. */
export function eventPayload(event: ConsentEvent): Record<string, unknown> {
  switch (event.type) {
    case 'consent_granted': {
      const { terms } = event;
      return { ...terms, expiresAt: terms.expiresAt?.toISOString() ?? null };
    }
    case 'consent_revoked':
      return { reason: event.reason };
    case 'consent_expired':
      return { cause: event.cause };
    default:
      return {};
  }
}
