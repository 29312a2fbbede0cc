import { describe, expect, it } from 'vitest';
import { median, nearestRank } from './percentile';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('nearest-rank percentiles', () => {
  it('take the value at rank ⌈P·n/100⌉', () => {
    expect(nearestRank(oneTo(10), 90)).toBe(9);
    expect(nearestRank(oneTo(30), 90)).toBe(27);
    expect(nearestRank(oneTo(11), 90)).toBe(10);
    expect(nearestRank(oneTo(10), 100)).toBe(10);
    expect(nearestRank(oneTo(10), 0)).toBe(1);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeUndefined();
  });

  it('the median is the lower middle value for an even count, and sorts its input', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([24, 2, 4, 1])).toBe(2);
    expect(median([])).toBeUndefined();
  });
});
