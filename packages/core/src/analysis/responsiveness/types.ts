import type { BusinessCalendar } from '../business-time';

export interface AskTiming {
  askId: string;
  askedAt: Date;
  /** When the client answered; undefined while open. */
  answeredAt?: Date;
  /** Escalation paused until (an out-of-office return date); paused time still counts in latency, but not in blocked time. */
  pausedUntil?: Date;
}

export type TrendDirection = 'improving' | 'worsening' | 'stable' | 'insufficient_data';

export interface LatencyTrend {
  direction: TrendDirection;
  recentMedianHours?: number;
  baselineMedianHours?: number;
}

export interface OpenAsk {
  askId: string;
  askedAt: Date;
  ageBusinessHours: number;
  overSla: boolean;
}

export interface Responsiveness {
  answered: number;
  open: number;
  /** Business hours from ask to answer, over answered asks in the window; undefined when none. */
  medianLatencyHours?: number;
  p90LatencyHours?: number;
  /** Share (0..1) of asks in the window answered within the SLA (open asks already past the SLA count as misses; open asks still within it are not counted); undefined when no asks count. */
  withinSlaShare?: number;
  openAsks: OpenAsk[];
  /** Business days, within the window, during which at least one ask was open past its SLA (work blocked on the client), counted as the union of those intervals in business days (fractional, 2 decimals). */
  blockedBusinessDays: number;
  /** Median latency of the last 30 days against the client's own previous 90 days (asks asked in those windows): 'improving' | 'worsening' | 'stable' (±25 %), or 'insufficient_data' when either window has fewer than 3 answered asks; with both medians. */
  trend: LatencyTrend;
}

export interface ResponsivenessOptions {
  now: Date;
  calendar: BusinessCalendar;
  slaBusinessHours: number;
  /** Calendar days before `now` whose asks the statistics cover; default 90. */
  windowDays?: number;
}
