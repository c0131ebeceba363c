import { Button, StatusBadge, useAction, useAppServices, useI18n } from '@infobank/web-ui';
import { useEffect, useState } from 'react';
import type { LogVerification } from '../api-types';

const POLL_MS = 1000;

/** A full verification of the transparency log started from the console, its progress while it runs and its result. */
export function LogVerificationPanel() {
  const { t } = useI18n();
  const { api } = useAppServices();
  const run = useAction();
  const [verification, setVerification] = useState<LogVerification | null>(null);

  useEffect(() => {
    if (verification === null || verification.status !== 'running') return;
    const timer = window.setTimeout(() => {
      api
        .call<LogVerification>('GET', `/v1/audit/log-verifications/${verification.id}`)
        .then(setVerification)
        .catch(() => undefined);
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [api, verification]);

  const start = () =>
    run(async () => setVerification(await api.call<LogVerification>('POST', '/v1/audit/log-verifications', { body: {} })));
  const total = verification ? verification.toSize - verification.fromSize : 0;
  const checked = verification ? verification.checkedSize - verification.fromSize : 0;
  return (
    <section aria-labelledby="log-verification">
      <h2 id="log-verification">{t('board.audit.logVerification')}</h2>
      <p>{t('board.audit.logVerificationExplain')}</p>
      <Button onClick={() => void start()} disabled={verification?.status === 'running'}>
        {t('board.audit.startVerification')}
      </Button>
      {verification ? (
        <div className="verification">
          <progress
            max={Math.max(total, 1)}
            value={verification.status === 'running' ? checked : Math.max(total, 1)}
            aria-label={t('board.audit.verificationProgress')}
          />
          <p role="status" aria-live="polite">
            {verification.status === 'running' ? (
              t('board.audit.verificationStatus.running', { checked, total })
            ) : verification.status === 'passed' ? (
              <StatusBadge tone="ok">
                {t('board.audit.verificationStatus.passed', { total: verification.toSize, checkpoints: verification.checkpointsChecked })}
              </StatusBadge>
            ) : (
              <StatusBadge tone="stop">{t('board.audit.verificationStatus.failed', { failures: verification.failureCount })}</StatusBadge>
            )}
          </p>
          {verification.failures.length > 0 ? (
            <ul className="plain">
              {verification.failures.map((failure, index) => (
                <li key={index}>
                  {t('board.audit.failureKind')}: {failure.kind} {failure.leafIndex ?? ''}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
