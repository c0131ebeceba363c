import {
  Button,
  StatusBadge,
  useAppServices,
  useI18n,
  verifyReviewDecision,
  type DecisionOutcome,
  type MessageKey,
} from '@infobank/web-ui';
import { useState } from 'react';
import type { ReviewCase } from '../api-types';

/** A decided case's signed decision; 検証する checks the bank's signature against the JWKS in this browser. */
export function SignedDecision({ reviewCase }: { reviewCase: ReviewCase }) {
  const { t } = useI18n();
  const { api } = useAppServices();
  const [outcome, setOutcome] = useState<DecisionOutcome | 'verifying' | null>(null);
  const verify = async () => {
    setOutcome('verifying');
    try {
      const jwks = await api.call<{ keys: object[] }>('GET', '/.well-known/jwks.json');
      setOutcome(
        await verifyReviewDecision(reviewCase.decisionJws, jwks as Parameters<typeof verifyReviewDecision>[1], { caseId: reviewCase.id }),
      );
    } catch {
      setOutcome({ valid: false, reason: 'signature' });
    }
  };
  return (
    <section aria-labelledby="signed-decision">
      <h2 id="signed-decision">{t('board.case.signed')}</h2>
      <p>{t('board.case.signedExplain')}</p>
      <Button onClick={() => void verify()} disabled={outcome === 'verifying'}>
        {t('board.case.verify')}
      </Button>
      <div role="status" aria-live="polite" className="verification">
        {outcome === 'verifying' ? (
          <p>{t('board.case.verifying')}</p>
        ) : outcome === null ? null : outcome.valid ? (
          <p>
            <StatusBadge tone="ok">{t('board.case.verified')}</StatusBadge>{' '}
            {t('board.case.verifiedDetail', { outcome: t(`board.outcome.${outcome.outcome}` as MessageKey), votes: outcome.votes })}
          </p>
        ) : (
          <p>
            <StatusBadge tone="stop">{t('board.case.notVerified')}</StatusBadge> {t(`board.case.failure.${outcome.reason}` as MessageKey)}
          </p>
        )}
      </div>
    </section>
  );
}
