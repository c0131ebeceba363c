import { isScheduledRunDue, keepFailures, MAX_KEPT_FAILURES, verificationRange, type LogVerificationFailure } from './log-verification';

describe('log verification rules', () => {
  it('Given no range, When a run is asked for, Then it covers the whole log up to the latest checkpoint', () => {
    expect(verificationRange({}, 42)).toEqual({ fromSize: 0, toSize: 42 });
  });

  it('Given a range past the latest checkpoint or reversed, When a run is asked for, Then the offending field is named', () => {
    expect(verificationRange({ toSize: 43 }, 42)).toEqual({ problem: expect.objectContaining({ path: '/toSize' }) });
    expect(verificationRange({ fromSize: 10, toSize: 5 }, 42)).toEqual({ problem: expect.objectContaining({ path: '/toSize' }) });
    expect(verificationRange({ fromSize: -1 }, 42)).toEqual({ problem: expect.objectContaining({ path: '/fromSize' }) });
  });

  it('Given many failures, When pages add theirs, Then at most MAX_KEPT_FAILURES are kept', () => {
    const failure: LogVerificationFailure = { kind: 'leaf_missing', leafIndex: 1 };
    const kept = keepFailures(Array(MAX_KEPT_FAILURES - 1).fill(failure), [failure, failure, failure]);
    expect(kept).toHaveLength(MAX_KEPT_FAILURES);
  });

  it('Given the last scheduled run, When the interval has or has not passed, Then a run is due or not (0 turns it off)', () => {
    const last = new Date('2026-01-01T00:00:00Z');
    expect(isScheduledRunDue(null, last, 24)).toBe(true);
    expect(isScheduledRunDue(last, new Date('2026-01-01T23:59:00Z'), 24)).toBe(false);
    expect(isScheduledRunDue(last, new Date('2026-01-02T00:00:00Z'), 24)).toBe(true);
    expect(isScheduledRunDue(null, last, 0)).toBe(false);
  });
});
