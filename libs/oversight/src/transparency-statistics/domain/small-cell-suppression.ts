/**
 * A published count: the number, or `suppressed` when it is below the minimum cell (or had to be hidden so that
 * another hidden cell cannot be worked out). A suppressed cell never shows 0 or any other number.
 */
export type StatisticCell = { suppressed: false; count: number } | { suppressed: true; count: null };

/** A count and the key it belongs to (a purpose code, a recipient id, a consent state). */
export interface KeyedCount<K> {
  key: K;
  count: number;
}

const shown = (count: number): StatisticCell => ({ suppressed: false, count });
const hidden: StatisticCell = { suppressed: true, count: null };

/** One count on its own: suppressed below `minCell`. */
export function suppressSmallCell(count: number, minCell: number): StatisticCell {
  return count < minCell ? hidden : shown(count);
}

/**
 * The cells of one breakdown, each suppressed below `minCell` (primary suppression). Use it for a breakdown whose
 * total is published nowhere and can be derived from nothing else that is published.
 */
export function suppressCells<K>(cells: readonly KeyedCount<K>[], minCell: number): Array<{ key: K; cell: StatisticCell }> {
  return cells.map(({ key, count }) => ({ key, cell: suppressSmallCell(count, minCell) }));
}

/**
 * The cells of a breakdown whose total a reader can know (from a published total, or from another breakdown of
 * the same events that sums to it). Below-minimum cells are suppressed, and then the smallest shown cells too,
 * until the hidden cells together hold at least `minCell` (or all are hidden): otherwise the total minus the shown
 * cells would give a hidden cell back, or bound it below the minimum.
 */
export function suppressCellsOfKnownTotal<K>(cells: readonly KeyedCount<K>[], minCell: number): Array<{ key: K; cell: StatisticCell }> {
  const hiddenKeys = new Set<number>(cells.flatMap((cell, index) => (cell.count < minCell ? [index] : [])));
  const hiddenSum = () => [...hiddenKeys].reduce((sum, index) => sum + cells[index].count, 0);
  const smallestShown = () =>
    cells.reduce<number | null>(
      (smallest, cell, index) => (hiddenKeys.has(index) || (smallest !== null && cells[smallest].count <= cell.count) ? smallest : index),
      null,
    );
  while (hiddenKeys.size > 0 && hiddenSum() < minCell) {
    const next = smallestShown();
    if (next === null) break;
    hiddenKeys.add(next);
  }
  return cells.map(({ key, count }, index) => ({ key, cell: hiddenKeys.has(index) ? hidden : shown(count) }));
}
