import { readDeletionAttestation, type AttestedNotice } from './attestation';

const issuedAt = new Date('2026-12-01T00:00:00Z');
const now = new Date('2026-12-02T00:00:00Z');
const notice: AttestedNotice = {
  id: '7d0f3c52-5a3b-4c55-9a43-2f1ef2b7b1a0',
  subjects: ['s-1', 's-2'],
  transfers: ['0b6c1a8e-6f0e-4d0a-9a6e-1f1b8f1f2c3d'],
  issuedAt,
};
const payload = (overrides: Record<string, unknown> = {}) => ({
  noticeId: notice.id,
  subjects: ['s-2', 's-1'],
  transfers: notice.transfers,
  deletedAt: '2026-12-01T18:30:00+09:00',
  statement: '削除しました。',
  ...overrides,
});
const paths = (result: ReturnType<typeof readDeletionAttestation>) => ('problems' in result ? result.problems.map((p) => p.path) : []);

describe('readDeletionAttestation', () => {
  it('given a payload naming the notice’s subjects in another order, then reads the attestation', () => {
    expect(readDeletionAttestation(payload(), notice, now)).toEqual({
      attestation: {
        noticeId: notice.id,
        subjects: ['s-1', 's-2'],
        transfers: notice.transfers,
        deletedAt: new Date('2026-12-01T09:30:00Z'),
        statement: '削除しました。',
      },
    });
  });

  it('given fewer, more, repeated or other subjects, then refuses /subjects', () => {
    for (const subjects of [['s-1'], ['s-1', 's-2', 's-3'], ['s-1', 's-1', 's-2'], ['s-1', 's-9'], 's-1', [1, 2]]) {
      expect(paths(readDeletionAttestation(payload({ subjects }), notice, now))).toEqual(['/subjects']);
    }
  });

  it('given another notice id, other transfers, or an unknown field, then names each', () => {
    expect(paths(readDeletionAttestation(payload({ noticeId: 'x', transfers: [], extra: 1 }), notice, now))).toEqual([
      '/extra',
      '/noticeId',
      '/transfers',
    ]);
  });

  it('given a deletion time in the future beyond five minutes, before issue, or not an instant, then refuses /deletedAt', () => {
    for (const deletedAt of ['2026-12-02T00:06:00Z', '2026-11-30T23:59:59Z', '2026-12-01', 'soon', 42]) {
      expect(paths(readDeletionAttestation(payload({ deletedAt }), notice, now))).toEqual(['/deletedAt']);
    }
    expect(paths(readDeletionAttestation(payload({ deletedAt: '2026-12-02T00:04:00Z' }), notice, now))).toEqual([]);
    expect(paths(readDeletionAttestation(payload({ deletedAt: issuedAt.toISOString() }), notice, now))).toEqual([]);
  });

  it('given an empty, blank, over-long or missing statement, then refuses /statement', () => {
    for (const statement of ['', '   ', 'x'.repeat(2_001), undefined]) {
      expect(paths(readDeletionAttestation(payload({ statement }), notice, now))).toEqual(['/statement']);
    }
    expect(paths(readDeletionAttestation(payload({ statement: 'x'.repeat(2_000) }), notice, now))).toEqual([]);
  });
});
