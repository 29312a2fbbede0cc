/**
 * Time during which work was blocked on the client: the union of the stretches in which at
 * least one ask was open past its SLA. Overlapping asks block once, not twice — two unanswered
 * questions on the same afternoon are one blocked afternoon.
 */
import type { BusinessCalendar } from '../business-time';

export interface Stretch {
  start: number;
  end: number;
}

/** Disjoint, ordered stretches covering the same instants as the input (touching ones joined). */
export function unionOfStretches(stretches: readonly Stretch[]): Stretch[] {
  const ordered = stretches.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Stretch[] = [];
  for (const stretch of ordered) {
    const last = merged[merged.length - 1];
    if (last && stretch.start <= last.end) last.end = Math.max(last.end, stretch.end);
    else merged.push({ ...stretch });
  }
  return merged;
}

/** Business days (rounded to 2 decimals) covered by the union of the stretches. */
export function blockedBusinessDays(stretches: readonly Stretch[], calendar: BusinessCalendar): number {
  let millis = 0;
  for (const { start, end } of unionOfStretches(stretches)) millis += calendar.millisBetween(new Date(start), new Date(end));
  return Math.round((millis / calendar.workingDayMillis) * 100) / 100;
}
