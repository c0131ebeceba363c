import { hasReplayed, pruneSamples, replicaStalenessMs, sortableWalPosition, walPosition, type PrimarySample } from './replica-staleness';

describe('WAL positions', () => {
  it('order like pg_lsn: the high half first, then the low half, both hexadecimal', () => {
    expect(walPosition('0/0')).toBe(0n);
    expect(walPosition('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(walPosition('1/0') > walPosition('0/FFFFFFFF')).toBe(true);
    expect(hasReplayed('0/3000148', '0/3000148')).toBe(true);
    expect(hasReplayed('0/3000147', '0/3000148')).toBe(false);
    expect(hasReplayed('1/0', '0/FFFFFFFF')).toBe(true);
  });

  it('sort as text once written as 16 hexadecimal digits', () => {
    expect(sortableWalPosition('16/B374D848')).toBe('00000016B374D848');
    expect(sortableWalPosition('1/0') > sortableWalPosition('0/FFFFFFFF')).toBe(true);
    expect(sortableWalPosition('0/A') > sortableWalPosition('0/9')).toBe(true);
  });

  it('refuses text that is not a WAL position', () => {
    expect(() => walPosition('')).toThrow(RangeError);
    expect(() => walPosition('0/3000148; DROP')).toThrow(RangeError);
  });
});

describe('replica staleness', () => {
  const samples: PrimarySample[] = [
    { lsn: '0/100', at: 1_000 },
    { lsn: '0/200', at: 2_000 },
    { lsn: '0/300', at: 3_000 },
  ];

  it('Given a replica replayed past the second sample only, then it misses at most what was written since that sample', () => {
    expect(replicaStalenessMs(samples, '0/250', 3_500)).toBe(1_500);
  });

  it('Given a replica replayed past the newest sample, then it is behind by at most the time since that sample', () => {
    expect(replicaStalenessMs(samples, '0/300', 3_200)).toBe(200);
  });

  it('Given a replica behind every sample, then its lag is unknown (null), which callers treat as too much', () => {
    expect(replicaStalenessMs(samples, '0/50', 3_000)).toBeNull();
    expect(replicaStalenessMs([], '0/50', 3_000)).toBeNull();
  });

  it('keeps the newest replayed sample and every later one, and all of them while none is replayed', () => {
    expect(pruneSamples(samples, '0/250')).toEqual(samples.slice(1));
    expect(pruneSamples(samples, '0/50')).toEqual(samples);
  });
});
