import { UnrecoverableError } from 'bullmq';
import { assertPayload, defineJob } from './job-contract';

describe('job contracts', () => {
  describe('a schedule job', () => {
    const SWEEP = defineJob({ queue: 'schedules', name: 'test.sweep', fields: {}, origin: 'schedule', repeatEveryMs: 60_000 });

    it('Given a schedule job declared with payload fields, then declaring it throws (it has no outbox row to carry them)', () => {
      expect(() =>
        defineJob({
          queue: 'schedules',
          name: 'test.sweep-one',
          fields: { individualId: 'uuid' },
          origin: 'schedule',
          repeatEveryMs: 1_000,
        }),
      ).toThrow('Schedule job test.sweep-one must declare no payload fields');
    });

    it('Given a schedule job without a period, then declaring it throws', () => {
      expect(() => defineJob({ queue: 'schedules', name: 'test.never', fields: {}, origin: 'schedule' })).toThrow(
        'Schedule job test.never must declare repeatEveryMs',
      );
    });

    it('When Redis hands it data, then only the empty payload is accepted', () => {
      expect(assertPayload(SWEEP, {})).toEqual({});
      expect(() => assertPayload(SWEEP, { individualId: '0b6f1a52-3c1e-4c55-9d6e-4f0e2a1d9c11' })).toThrow(UnrecoverableError);
    });
  });
});
