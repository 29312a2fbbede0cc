/**
 * The numbers behind the escalation ladders (PRODUCT §4) and how a workspace and a client
 * override them. Overrides arrive as JSON (the `settings` columns of workspaces and clients),
 * so every field is checked here and a bad one is reported by name rather than silently
 * producing a ladder that fires at the wrong time.
 */

/** Every kind of email the ladders or the operator's ending flow can draft; auto-send is decided per kind. */
export const escalationEmailKinds = [
  'nudge',
  'firm_notice',
  'payment_reminder',
  'work_paused',
  'work_resumed',
  'expectations_reset',
  'termination',
] as const;
export type EscalationEmailKind = (typeof escalationEmailKinds)[number];

export interface EscalationSettings {
  /** §4.1: how long an ask may stay open, in the client's business days. */
  slaBusinessDays: number;
  /** §4.1: the firm notice is due once an ask is open this many SLAs. */
  firmNoticeAfterSlas: number;
  /** §4.1: an ask open this many SLAs makes firmly recommend ending. */
  endingAfterSlas: number;
  /** §4.1: this many escalated asks within `endingWindowDays` also recommend ending. */
  endingEscalatedAsks: number;
  endingWindowDays: number;
  /** §4.2: calendar days after the due date before the reminder is drafted. */
  paymentGraceDays: number;
  /** §4.2: business days after the reminder was sent before the work-paused notice is drafted. */
  workPausedAfterBusinessDays: number;
  /** §4.2: lateness growing by more than this many days per cycle is drift … */
  driftDaysPerCycle: number;
  /** … measured over this many most recent paid cycles. */
  driftCycles: number;
  /** §4.3: a control score (0–100) above this counts as controlling. */
  controlThreshold: number;
  /** §4.3: calendar days above the threshold before the how-we-work-together email is drafted. */
  controlSustainedDays: number;
  /** §4.3: calendar days after that email was sent, still above the threshold, before ending is recommended. */
  controlEndingAfterDays: number;
  /** §5.1: off for every kind unless the workspace turns it on. */
  autoSend: Record<EscalationEmailKind, boolean>;
}

export const defaultEscalationSettings: Readonly<EscalationSettings> = Object.freeze({
  slaBusinessDays: 2,
  firmNoticeAfterSlas: 2,
  endingAfterSlas: 4,
  endingEscalatedAsks: 3,
  endingWindowDays: 30,
  paymentGraceDays: 1,
  workPausedAfterBusinessDays: 3,
  driftDaysPerCycle: 2,
  driftCycles: 3,
  // Half the scale: per-item approval demands alone cap at 35 points, so crossing 50 takes
  // approval demands plus at least one more controlling habit.
  controlThreshold: 50,
  controlSustainedDays: 14,
  controlEndingAfterDays: 28,
  autoSend: Object.freeze(Object.fromEntries(escalationEmailKinds.map((kind) => [kind, false]))) as Record<EscalationEmailKind, boolean>,
});

export interface SettingsProblem {
  /** Where the bad value came from and which field, e.g. `client.slaBusinessDays`. */
  field: string;
  message: string;
}

export type ResolvedSettings = { ok: true; settings: EscalationSettings } | { ok: false; problems: SettingsProblem[] };

type NumericField = Exclude<keyof EscalationSettings, 'autoSend'>;

interface NumericRule {
  min: number;
  max: number;
  /** The minimum itself is not allowed (an SLA of 0 days would nudge at once). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

const numericRules: Record<NumericField, NumericRule> = {
  slaBusinessDays: { min: 0, max: 60, exclusiveMin: true },
  firmNoticeAfterSlas: { min: 1, max: 20, exclusiveMin: true },
  endingAfterSlas: { min: 1, max: 40, exclusiveMin: true },
  endingEscalatedAsks: { min: 1, max: 100, integer: true },
  endingWindowDays: { min: 1, max: 365, integer: true },
  // The same range the contracts table allows for its grace days.
  paymentGraceDays: { min: 0, max: 90, integer: true },
  workPausedAfterBusinessDays: { min: 0, max: 60, exclusiveMin: true },
  driftDaysPerCycle: { min: 0, max: 365 },
  // A slope needs at least two points.
  driftCycles: { min: 2, max: 24, integer: true },
  controlThreshold: { min: 0, max: 100 },
  controlSustainedDays: { min: 1, max: 365, integer: true },
  controlEndingAfterDays: { min: 1, max: 365, integer: true },
};

function describe(rule: NumericRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return `${kind} ${rule.exclusiveMin ? 'greater than' : 'from'} ${rule.min}${rule.exclusiveMin ? ' and at most' : ' to'} ${rule.max}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function applyOverrides(target: EscalationSettings, overrides: unknown, source: string, problems: SettingsProblem[]): void {
  if (overrides === undefined || overrides === null) return;
  if (!isRecord(overrides)) {
    problems.push({ field: source, message: 'expected an object of setting overrides' });
    return;
  }
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (field === 'autoSend') {
      applyAutoSend(target, value, `${source}.autoSend`, problems);
      continue;
    }
    if (!Object.hasOwn(numericRules, field)) {
      problems.push({ field: `${source}.${field}`, message: 'unknown setting' });
      continue;
    }
    const name = field as NumericField;
    const rule = numericRules[name];
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (rule.exclusiveMin ? value > rule.min : value >= rule.min) &&
      value <= rule.max &&
      (!rule.integer || Number.isInteger(value));
    if (valid) target[name] = value;
    else
      problems.push({ field: `${source}.${field}`, message: `expected ${describe(rule)}, got ${JSON.stringify(value) ?? String(value)}` });
  }
}

function applyAutoSend(target: EscalationSettings, value: unknown, source: string, problems: SettingsProblem[]): void {
  if (!isRecord(value)) {
    problems.push({ field: source, message: 'expected an object of email kind → true/false' });
    return;
  }
  for (const [kind, enabled] of Object.entries(value)) {
    if (!(escalationEmailKinds as readonly string[]).includes(kind)) {
      problems.push({ field: `${source}.${kind}`, message: `unknown email kind; expected one of ${escalationEmailKinds.join(', ')}` });
    } else if (typeof enabled !== 'boolean') {
      problems.push({ field: `${source}.${kind}`, message: 'expected true or false' });
    } else {
      target.autoSend[kind as EscalationEmailKind] = enabled;
    }
  }
}

/** Orderings between fields: each ladder step must come after the gentler one. */
function checkOrder(settings: EscalationSettings, problems: SettingsProblem[]): void {
  if (settings.endingAfterSlas <= settings.firmNoticeAfterSlas) {
    problems.push({
      field: 'endingAfterSlas',
      message: `must be greater than firmNoticeAfterSlas (${settings.firmNoticeAfterSlas}): ending is recommended after the firm notice`,
    });
  }
}

/**
 * The settings for one client: the defaults, then the workspace's overrides, then the
 * client's. Any problem rejects the whole result, so a typo never half-applies.
 */
export function resolveSettings(workspace: unknown, client: unknown): ResolvedSettings {
  const settings: EscalationSettings = { ...defaultEscalationSettings, autoSend: { ...defaultEscalationSettings.autoSend } };
  const problems: SettingsProblem[] = [];
  applyOverrides(settings, workspace, 'workspace', problems);
  applyOverrides(settings, client, 'client', problems);
  if (problems.length === 0) checkOrder(settings, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}
