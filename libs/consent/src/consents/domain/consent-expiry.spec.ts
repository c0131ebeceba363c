import { OFFER_STATUSES } from '@infobank/offers';
import { expiryCauseOfOffer } from './consent-expiry';

describe('consent expiry by offer', () => {
  it.each([
    ['expired', 'offer_expired'],
    ['withdrawn', 'offer_withdrawn'],
    ['draft', 'offer_not_approved'],
    ['in_review', 'offer_not_approved'],
    ['rejected', 'offer_not_approved'],
    ['changes_requested', 'offer_not_approved'],
  ] as const)('Given an offer now %s, When the expiry sweeps its consents, Then they expire with cause %s', (status, cause) => {
    expect(expiryCauseOfOffer(status)).toBe(cause);
  });
  it.each(['approved', 'suspended'] as const)('Given an offer %s, When the expiry sweeps, Then its consents stay live', (status) => {
    expect(expiryCauseOfOffer(status)).toBeNull();
  });
  it('Given an offer that no longer exists, When the expiry sweeps, Then its consents expire as withdrawn', () => {
    expect(expiryCauseOfOffer(null)).toBe('offer_withdrawn');
  });
  it('Given every offer status, When asked, Then each has a decided answer', () => {
    expect(OFFER_STATUSES.filter((status) => status !== 'approved' && status !== 'suspended').map(expiryCauseOfOffer)).not.toContain(null);
  });
});
