/**
 * How responsive a client is (PRODUCT §3 "Responsiveness"), from the timings of the operator's
 * asks, in the client's business time. Everything is judged as of `now`: an ask made after
 * `now` does not exist yet, and an answer dated after `now` (a sender's clock running ahead)
 * has not arrived yet, so that ask is open.
 */
import { BUSINESS_HOUR } from '../business-time';
import { blockedBusinessDays, type Stretch } from './blocked-time';
import { nearestRank, sortedCopy } from './percentile';
import { BASELINE_DAYS, latencyTrend, RECENT_DAYS } from './trend';
import type { AskTiming, OpenAsk, Responsiveness, ResponsivenessOptions } from './types';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;

function timeOf(value: Date | undefined): number | undefined {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

export function responsiveness(asks: readonly AskTiming[], options: ResponsivenessOptions): Responsiveness {
  const { calendar } = options;
  const now = timeOf(options.now);
  const result: Responsiveness = { answered: 0, open: 0, openAsks: [], blockedBusinessDays: 0, trend: { direction: 'insufficient_data' } };
  if (now === undefined) return result;

  const sla =
    Number.isFinite(options.slaBusinessHours) && options.slaBusinessHours > 0 ? Math.round(options.slaBusinessHours * BUSINESS_HOUR) : 0;
  const windowDays =
    options.windowDays !== undefined && Number.isFinite(options.windowDays) && options.windowDays > 0
      ? options.windowDays
      : DEFAULT_WINDOW_DAYS;
  const windowStart = now - windowDays * DAY_MS;
  const recentStart = now - RECENT_DAYS * DAY_MS;
  const baselineStart = recentStart - BASELINE_DAYS * DAY_MS;

  const latencies: number[] = [];
  const recent: number[] = [];
  const baseline: number[] = [];
  const openAsks: OpenAsk[] = [];
  const blocked: Stretch[] = [];
  let slaCounted = 0;
  let withinSla = 0;

  for (const ask of asks) {
    const asked = timeOf(ask?.askedAt);
    if (asked === undefined || asked > now) continue;
    const askedAt = new Date(asked);
    const answerTime = timeOf(ask.answeredAt);
    const answered = answerTime !== undefined && answerTime <= now ? answerTime : undefined;
    const inWindow = asked >= windowStart;

    if (answered !== undefined && (inWindow || asked >= baselineStart)) {
      // An answer dated before its ask (clock skew the other way) took no business time.
      const latency = calendar.millisBetween(askedAt, new Date(answered));
      if (inWindow) {
        latencies.push(latency);
        slaCounted++;
        if (latency <= sla) withinSla++;
      }
      if (asked >= recentStart) recent.push(latency);
      else if (asked >= baselineStart) baseline.push(latency);
    } else if (answered === undefined) {
      const age = calendar.millisBetween(askedAt, new Date(now));
      const overSla = age > sla;
      openAsks.push({ askId: ask.askId, askedAt, ageBusinessHours: age / BUSINESS_HOUR, overSla });
      if (inWindow && overSla) slaCounted++;
    }

    // Blocked from the SLA deadline, or from the end of an out-of-office pause if later, until answered (or now).
    const end = answered ?? now;
    if (end <= windowStart) continue;
    const deadline = calendar.addBusinessMillis(askedAt, sla).getTime();
    const start = Math.max(deadline, timeOf(ask.pausedUntil) ?? deadline, windowStart);
    if (end > start) blocked.push({ start, end });
  }

  const sorted = sortedCopy(latencies);
  const median = nearestRank(sorted, 50);
  const p90 = nearestRank(sorted, 90);
  result.answered = latencies.length;
  result.open = openAsks.length;
  if (median !== undefined) result.medianLatencyHours = median / BUSINESS_HOUR;
  if (p90 !== undefined) result.p90LatencyHours = p90 / BUSINESS_HOUR;
  if (slaCounted > 0) result.withinSlaShare = withinSla / slaCounted;
  result.openAsks = openAsks.sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime() || compareIds(a.askId, b.askId));
  result.blockedBusinessDays = blockedBusinessDays(blocked, calendar);
  result.trend = latencyTrend(recent, baseline);
  return result;
}

/** Code-unit order, the same in every locale, so equal inputs give identical outputs. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
