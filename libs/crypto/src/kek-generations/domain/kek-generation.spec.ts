import { destroyableFrom, mayDestroy, rotationDue, type KekGeneration, type KekGenerationPolicy } from './kek-generation';

const DAY = 24 * 60 * 60 * 1000;
const policy: KekGenerationPolicy = { rotationDays: 30, backupRetentionDays: 35 };
const created = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(created.getTime() + days * DAY);

function retired(overrides: Partial<KekGeneration> = {}): KekGeneration {
  return { generation: 1, state: 'retired', createdAt: created, retiredAt: at(30), drainedAt: at(31), destroyedAt: null, ...overrides };
}

describe('KEK generation rules', () => {
  describe('when a generation may be destroyed', () => {
    it('allows it once nothing live is wrapped under it and the backup retention window has passed since its drain', () => {
      expect(mayDestroy(retired(), 0, at(31 + 35), policy)).toEqual({ allowed: true });
      expect(mayDestroy(retired(), 0, at(400), policy)).toEqual({ allowed: true });
    });

    it('refuses while a backup inside the retention window may still need it (one millisecond early)', () => {
      const verdict = mayDestroy(retired(), 0, new Date(at(31 + 35).getTime() - 1), policy);
      expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining(at(66).toISOString()) });
    });

    it('refuses while any live data key is wrapped under it, however old it is', () => {
      expect(mayDestroy(retired(), 1, at(1000), policy)).toEqual({ allowed: false, reason: expect.stringContaining('1 live data key') });
    });

    it('counts the window from the drain, not from the retirement: a slow re-wrap delays destruction', () => {
      const slow = retired({ drainedAt: at(50) });
      expect(mayDestroy(slow, 0, at(30 + 35), policy).allowed).toBe(false);
      expect(mayDestroy(slow, 0, at(50 + 35), policy).allowed).toBe(true);
      expect(destroyableFrom(slow, policy)).toEqual(at(85));
    });

    it('refuses a retired generation no re-wrap has found drained yet', () => {
      expect(mayDestroy(retired({ drainedAt: null }), 0, at(1000), policy).allowed).toBe(false);
      expect(destroyableFrom(retired({ drainedAt: null }), policy)).toBeNull();
    });

    it('refuses the newest generation, which wraps new data keys', () => {
      const active = retired({ state: 'active', retiredAt: null, drainedAt: null });
      expect(mayDestroy(active, 0, at(1000), policy)).toEqual({ allowed: false, reason: expect.stringContaining('newest') });
    });

    it('refuses a generation destroyed already', () => {
      expect(mayDestroy(retired({ state: 'destroyed', destroyedAt: at(70) }), 0, at(1000), policy).allowed).toBe(false);
    });

    it('with no backups kept (retention 0) allows it as soon as it is drained', () => {
      expect(mayDestroy(retired(), 0, at(31), { ...policy, backupRetentionDays: 0 }).allowed).toBe(true);
    });
  });

  describe('when a rotation is due', () => {
    it('is due when there is no generation yet', () => {
      expect(rotationDue(null, created, policy)).toBe(true);
    });

    it('is due when the newest generation is rotationDays old, not before', () => {
      const newest = retired({ state: 'active', retiredAt: null, drainedAt: null });
      expect(rotationDue(newest, new Date(at(30).getTime() - 1), policy)).toBe(false);
      expect(rotationDue(newest, at(30), policy)).toBe(true);
    });
  });
});
