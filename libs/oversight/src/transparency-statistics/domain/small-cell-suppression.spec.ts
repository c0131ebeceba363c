import { suppressCells, suppressCellsOfKnownTotal, suppressSmallCell, type StatisticCell } from './small-cell-suppression';

const counts = (cells: Array<{ key: string; cell: StatisticCell }>) => Object.fromEntries(cells.map(({ key, cell }) => [key, cell.count]));

describe('small-cell suppression', () => {
  it('shows a count at the minimum and suppresses one below it, never as 0', () => {
    expect(suppressSmallCell(10, 10)).toEqual({ suppressed: false, count: 10 });
    expect(suppressSmallCell(9, 10)).toEqual({ suppressed: true, count: null });
    expect(suppressSmallCell(0, 10)).toEqual({ suppressed: true, count: null });
  });

  it('suppresses only the small cells of a breakdown whose total is published nowhere', () => {
    const cells = suppressCells(
      [
        { key: 'active', count: 12 },
        { key: 'revoked', count: 2 },
      ],
      10,
    );
    expect(counts(cells)).toEqual({ active: 12, revoked: null });
  });

  it('given a known total and one small cell, hides the next smallest cell too, so the total minus the shown cells gives nothing back', () => {
    const cells = suppressCellsOfKnownTotal(
      [
        { key: 'marketing', count: 40 },
        { key: 'research', count: 3 },
        { key: 'credit', count: 12 },
      ],
      10,
    );
    expect(counts(cells)).toEqual({ marketing: 40, research: null, credit: null });
  });

  it('given a known total, keeps hiding until the hidden cells hold at least the minimum together', () => {
    const cells = suppressCellsOfKnownTotal(
      [
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
        { key: 'c', count: 30 },
        { key: 'd', count: 50 },
      ],
      10,
    );
    expect(counts(cells)).toEqual({ a: null, b: null, c: null, d: 50 });
  });

  it('given a known total and no small cell, shows every cell', () => {
    const cells = suppressCellsOfKnownTotal(
      [
        { key: 'a', count: 10 },
        { key: 'b', count: 11 },
      ],
      10,
    );
    expect(counts(cells)).toEqual({ a: 10, b: 11 });
  });

  it('given a known total below the minimum, hides every cell', () => {
    expect(counts(suppressCellsOfKnownTotal([{ key: 'a', count: 4 }], 10))).toEqual({ a: null });
  });
});
