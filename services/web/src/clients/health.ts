/**
 * Readers for the health summary's JSON (responsiveness, control, payments; their shapes are
 * @firmly/core's Responsiveness, ControlScore and PaymentBehaviour, stored as JSON). The page
 * reads them defensively: a field the analysis has not filled yet shows as "—", never breaks the page.
 */

type Json = Record<string, unknown>;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : []);

export interface ResponsivenessView {
  answered?: number;
  open?: number;
  medianHours?: number;
  p90Hours?: number;
  withinSlaShare?: number;
  blockedBusinessDays?: number;
  trend?: string;
  openAsks: Array<{ askId: string; askedAt?: string; ageBusinessHours?: number; overSla: boolean }>;
}

export function readResponsiveness(json: Json): ResponsivenessView {
  const trend = json.trend as Json | undefined;
  return {
    answered: num(json.answered),
    open: num(json.open),
    medianHours: num(json.medianLatencyHours),
    p90Hours: num(json.p90LatencyHours),
    withinSlaShare: num(json.withinSlaShare),
    blockedBusinessDays: num(json.blockedBusinessDays),
    trend: str(trend?.direction)?.replaceAll('_', ' '),
    openAsks: list(json.openAsks).map((ask) => ({
      askId: str(ask.askId) ?? '',
      askedAt: str(ask.askedAt),
      ageBusinessHours: num(ask.ageBusinessHours),
      overSla: ask.overSla === true,
    })),
  };
}

export interface ControlView {
  score?: number;
  components: Array<{ name: string; points: number; detail: string }>;
  evidence: Array<{ messageId: string; kind: string; quote?: string }>;
}

export function readControl(json: Json): ControlView {
  return {
    score: num(json.score),
    components: list(json.components)
      .map((c) => ({ name: str(c.name)?.replaceAll('_', ' ') ?? '', points: num(c.points) ?? 0, detail: str(c.detail) ?? '' }))
      .filter((c) => c.points > 0),
    evidence: list(json.evidence).map((e) => ({
      messageId: str(e.messageId) ?? '',
      kind: str(e.kind)?.replaceAll('_', ' ') ?? '',
      quote: str(e.quote),
    })),
  };
}

export interface PaymentsView {
  rating?: string;
  reasons: string[];
  oldestOverdueDays?: number;
  overdue: Array<{ currency: string; minor: number }>;
  drifting: boolean;
  driftDaysPerCycle?: number;
  recentDaysLate: number[];
}

export function readPayments(json: Json): PaymentsView {
  const overdue = typeof json.overdueMinor === 'object' && json.overdueMinor !== null ? (json.overdueMinor as Json) : {};
  return {
    rating: str(json.rating),
    reasons: Array.isArray(json.reasons) ? json.reasons.filter((r): r is string => typeof r === 'string') : [],
    oldestOverdueDays: num(json.oldestOverdueDays),
    overdue: Object.entries(overdue)
      .map(([currency, minor]) => ({ currency, minor: num(minor) ?? 0 }))
      .filter((entry) => entry.minor > 0),
    drifting: json.drifting === true,
    driftDaysPerCycle: num(json.driftDaysPerCycle),
    recentDaysLate: Array.isArray(json.recentDaysLate) ? json.recentDaysLate.filter((d): d is number => typeof d === 'number') : [],
  };
}
