/**
 * Is the client answering faster or slower than it used to? The median latency of asks made
 * in the last 30 days against that of asks made in the 90 days before, each over asks answered
 * by now. Within ±25 % of the earlier median is "stable": a few hours either way on a handful
 * of asks is noise, not a change of behaviour.
 */
import { BUSINESS_HOUR } from '../business-time';
import { median } from './percentile';
import type { LatencyTrend } from './types';

export const RECENT_DAYS = 30;
export const BASELINE_DAYS = 90;
export const MIN_ANSWERED_PER_WINDOW = 3;
export const STABLE_BAND = 0.25;

/** `recent` and `baseline`: latencies in business ms of the answered asks in each window. */
export function latencyTrend(recent: readonly number[], baseline: readonly number[]): LatencyTrend {
  const recentMedian = median(recent);
  const baselineMedian = median(baseline);
  const trend: LatencyTrend = { direction: 'insufficient_data' };
  if (recentMedian !== undefined) trend.recentMedianHours = recentMedian / BUSINESS_HOUR;
  if (baselineMedian !== undefined) trend.baselineMedianHours = baselineMedian / BUSINESS_HOUR;
  if (recentMedian === undefined || baselineMedian === undefined) return trend;
  if (recent.length < MIN_ANSWERED_PER_WINDOW || baseline.length < MIN_ANSWERED_PER_WINDOW) return trend;
  if (recentMedian < baselineMedian * (1 - STABLE_BAND)) trend.direction = 'improving';
  else if (recentMedian > baselineMedian * (1 + STABLE_BAND)) trend.direction = 'worsening';
  else trend.direction = 'stable';
  return trend;
}
