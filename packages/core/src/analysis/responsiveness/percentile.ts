/**
 * Nearest-rank percentiles: the P-th percentile of n values sorted ascending is the value at
 * rank ⌈P·n/100⌉ (1-based, at least 1). It is always one of the observed values — a latency
 * some ask really had — and needs no interpolation rule. The median is the 50th percentile,
 * so with an even count it is the lower of the two middle values.
 */
export function nearestRank(sortedAscending: readonly number[], percent: number): number | undefined {
  const count = sortedAscending.length;
  if (count === 0) return undefined;
  // Integer arithmetic first, so that 90 % of 30 is rank 27 and not 27.000000000000004 → 28.
  const rank = Math.min(count, Math.max(1, Math.ceil((percent * count) / 100)));
  return sortedAscending[rank - 1];
}

export function median(values: readonly number[]): number | undefined {
  return nearestRank(sortedCopy(values), 50);
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
