import { CONTROL_SCORE_POLICY as P } from './score-policy';
import type {
  ControlComponent,
  ControlEvidence,
  ControlScore,
  ControlScoreOptions,
  ControlSignal,
  ControlSignalKind,
  InboundForControl,
} from './types';

const DAY_MS = 86_400_000;
const EVIDENCE_KIND_ORDER: Record<ControlEvidence['kind'], number> = {
  approval_demand: 0,
  distrust: 1,
  revision_request: 2,
  tiny_change: 3,
  urgency_pressure: 4,
  after_hours: 5,
  volume: 6,
};

const SIGNAL_KINDS: ReadonlySet<string> = new Set<ControlSignalKind>([
  'approval_demand',
  'revision_request',
  'tiny_change',
  'distrust',
  'urgency_pressure',
]);

/** One message after duplicates (same messageId) were merged. */
interface MergedMessage {
  messageId: string;
  threadId: string;
  time: number;
  afterHours: boolean;
  signals: ControlSignal[];
}

/**
 * The control score of one client (PRODUCT §2.2, §3): deterministic, independent of input
 * order, and never lowered by an additional signal. Only the window is scored; the baseline
 * before it only sets the client's normal message volume.
 */
export function controlScore(messages: readonly InboundForControl[], options: ControlScoreOptions): ControlScore {
  const now = options?.now instanceof Date ? options.now.getTime() : Number.NaN;
  const windowDays = positiveOr(options?.windowDays, P.windowDays);
  const baselineDays = positiveOr(options?.baselineDays, P.baselineDays);
  const windowStart = now - windowDays * DAY_MS;
  const baselineStart = windowStart - baselineDays * DAY_MS;

  const merged = Number.isFinite(now) ? mergeById(messages) : [];
  const inWindow = merged.filter((m) => m.time > windowStart && m.time <= now);
  const baselineCount = merged.filter((m) => m.time > baselineStart && m.time <= windowStart).length;

  const withKind = (kind: ControlSignalKind) => inWindow.filter((m) => m.signals.some((s) => s.kind === kind));
  const approvals = withKind('approval_demand');
  const tiny = withKind('tiny_change');
  const distrust = withKind('distrust');

  const revisionsByThread = countRevisionsByThread(inWindow);
  const extraRounds = Object.values(revisionsByThread).reduce((sum, n) => sum + Math.max(0, n - P.revisions.normalRoundsPerThread), 0);
  const threadsOverNormal = new Set(
    Object.keys(revisionsByThread).filter((t) => (revisionsByThread[t] ?? 0) > P.revisions.normalRoundsPerThread),
  );

  const windowPerWeek = inWindow.length / (windowDays / 7);
  const baselinePerWeek = baselineCount / (baselineDays / 7);
  const volumeRatio = baselineCount > 0 ? round2(windowPerWeek / baselinePerWeek) : undefined;
  const volumePoints =
    volumeRatio !== undefined && windowPerWeek >= P.volume.minMessagesPerWeek
      ? clamp(Math.round(P.volume.pointsPerRatioStep * (volumeRatio - P.volume.normalRatio)), 0, P.volume.cap)
      : 0;

  const afterHoursCount = inWindow.filter((m) => m.afterHours).length;
  const afterHoursShare = inWindow.length > 0 ? round2(afterHoursCount / inWindow.length) : 0;
  const afterHoursPoints =
    afterHoursCount >= P.afterHours.minMessages
      ? clamp(Math.round(P.afterHours.pointsPerShare * (afterHoursCount / inWindow.length - P.afterHours.normalShare)), 0, P.afterHours.cap)
      : 0;

  const components: ControlComponent[] = [
    {
      name: 'approval_demands',
      points: Math.min(P.approvalDemands.cap, P.approvalDemands.pointsPerMessage * approvals.length),
      measure: approvals.length,
      detail: `${plural(approvals.length, 'message')} demanded to approve or see items before publishing (${P.approvalDemands.pointsPerMessage} points each, at most ${P.approvalDemands.cap})`,
    },
    {
      name: 'revisions',
      points: Math.min(P.revisions.cap, P.revisions.pointsPerExtraRound * extraRounds),
      measure: extraRounds,
      detail: revisionDetail(revisionsByThread, extraRounds, threadsOverNormal.size),
    },
    {
      name: 'tiny_changes',
      points: Math.min(P.tinyChanges.cap, P.tinyChanges.pointsPerMessage * tiny.length),
      measure: tiny.length,
      detail: `${plural(tiny.length, 'message')} asked for tiny changes (${P.tinyChanges.pointsPerMessage} points each, at most ${P.tinyChanges.cap})`,
    },
    {
      name: 'distrust',
      points: Math.min(P.distrust.cap, P.distrust.pointsPerMessage * distrust.length),
      measure: distrust.length,
      detail: `${plural(distrust.length, 'message')} expressed distrust in the work (${P.distrust.pointsPerMessage} points each, at most ${P.distrust.cap})`,
    },
    {
      name: 'volume',
      points: volumePoints,
      measure: volumeRatio ?? 0,
      detail: volumeDetail(windowPerWeek, baselinePerWeek, volumeRatio, baselineDays),
    },
    {
      name: 'after_hours',
      points: afterHoursPoints,
      measure: afterHoursShare,
      detail: `${afterHoursCount} of ${plural(inWindow.length, 'message')} (${Math.round(afterHoursShare * 100)} %) sent outside working hours; up to ${P.afterHours.normalShare * 100} % is normal and at least ${P.afterHours.minMessages} are needed (at most ${P.afterHours.cap} points)`,
    },
  ];

  const evidence = collectEvidence(inWindow, {
    threadsOverNormal,
    afterHours: afterHoursPoints > 0,
    volume: volumePoints > 0,
  });
  const score = clamp(
    components.reduce((sum, c) => sum + c.points, 0),
    0,
    100,
  );
  const result: ControlScore = { score, components, evidence, revisionsByThread, messagesInWindow: inWindow.length, afterHoursShare };
  if (volumeRatio !== undefined) result.volumeRatio = volumeRatio;
  return result;
}

function mergeById(messages: readonly InboundForControl[]): MergedMessage[] {
  const byId = new Map<string, MergedMessage>();
  for (const message of Array.isArray(messages) ? messages : []) {
    if (!message || typeof message.messageId !== 'string') continue;
    const time = message.sentAt instanceof Date ? message.sentAt.getTime() : Number.NaN;
    if (!Number.isFinite(time)) continue;
    const signals = Array.isArray(message.signals) ? message.signals.filter(isSignal) : [];
    const threadId = typeof message.threadId === 'string' ? message.threadId : '';
    const existing = byId.get(message.messageId);
    if (!existing) {
      byId.set(message.messageId, { messageId: message.messageId, threadId, time, afterHours: message.afterHours === true, signals });
      continue;
    }
    // The same message seen twice (e.g. from two mailboxes): keep the union, whatever the order.
    existing.time = Math.min(existing.time, time);
    if (compareStrings(threadId, existing.threadId) < 0) existing.threadId = threadId;
    existing.afterHours ||= message.afterHours === true;
    existing.signals.push(...signals);
  }
  const merged = [...byId.values()];
  for (const m of merged) m.signals = uniqueSignals(m.signals);
  return merged;
}

function isSignal(value: unknown): value is ControlSignal {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<ControlSignal>;
  return typeof s.kind === 'string' && SIGNAL_KINDS.has(s.kind) && typeof s.sentence === 'string' && typeof s.rule === 'string';
}

function uniqueSignals(signals: ControlSignal[]): ControlSignal[] {
  const seen = new Map<string, ControlSignal>();
  for (const s of signals) seen.set(JSON.stringify([EVIDENCE_KIND_ORDER[s.kind], s.rule, s.sentence]), s);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

/** threadId → messages asking for a revision or a tiny change (each message counts once per thread). */
function countRevisionsByThread(inWindow: MergedMessage[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const m of inWindow) {
    if (m.signals.some((s) => s.kind === 'revision_request' || s.kind === 'tiny_change'))
      counts.set(m.threadId, (counts.get(m.threadId) ?? 0) + 1);
  }
  // Object.fromEntries defines own properties, so a thread id like "__proto__" stays a plain key.
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function collectEvidence(
  inWindow: MergedMessage[],
  scored: { threadsOverNormal: ReadonlySet<string>; afterHours: boolean; volume: boolean },
): ControlEvidence[] {
  const items: Array<ControlEvidence & { time: number }> = [];
  for (const m of inWindow) {
    for (const s of m.signals) {
      const counts =
        s.kind === 'approval_demand' ||
        s.kind === 'tiny_change' ||
        s.kind === 'distrust' ||
        (s.kind === 'revision_request' && scored.threadsOverNormal.has(m.threadId));
      if (counts) items.push({ time: m.time, messageId: m.messageId, kind: s.kind, quote: s.sentence, rule: s.rule });
    }
    if (scored.afterHours && m.afterHours) items.push({ time: m.time, messageId: m.messageId, kind: 'after_hours' });
  }
  if (scored.volume) {
    const latest = [...inWindow].sort(byRecency)[0];
    if (latest) items.push({ time: latest.time, messageId: latest.messageId, kind: 'volume' });
  }
  return items
    .sort(
      (a, b) =>
        b.time - a.time ||
        compareStrings(a.messageId, b.messageId) ||
        EVIDENCE_KIND_ORDER[a.kind] - EVIDENCE_KIND_ORDER[b.kind] ||
        compareStrings(a.rule ?? '', b.rule ?? '') ||
        compareStrings(a.quote ?? '', b.quote ?? ''),
    )
    .slice(0, P.evidenceCap)
    .map(({ time: _time, ...evidence }) => evidence);
}

function byRecency(a: MergedMessage, b: MergedMessage): number {
  return b.time - a.time || compareStrings(a.messageId, b.messageId);
}

function revisionDetail(byThread: Record<string, number>, extraRounds: number, threadsOver: number): string {
  const entries = Object.entries(byThread);
  const normal = P.revisions.normalRoundsPerThread;
  const rule = `${P.revisions.pointsPerExtraRound} points per round beyond ${normal} per deliverable, at most ${P.revisions.cap}`;
  if (entries.length === 0) return `no revision requests (${rule})`;
  const [worstThread, worstCount] = entries.reduce((best, e) => (e[1] > best[1] ? e : best));
  return `${plural(entries.length, 'deliverable')} with revision requests, ${threadsOver} past ${normal} rounds, ${plural(extraRounds, 'extra round')}; most: ${worstCount} in thread ${worstThread} (${rule})`;
}

function volumeDetail(windowPerWeek: number, baselinePerWeek: number, ratio: number | undefined, baselineDays: number): string {
  const now = `${windowPerWeek.toFixed(1)} messages a week`;
  if (ratio === undefined)
    return `${now}; no baseline (no messages in the ${baselineDays} days before the window), so volume is not scored`;
  const rule = `up to ×${P.volume.normalRatio} is normal, ${P.volume.pointsPerRatioStep} points per step beyond, at most ${P.volume.cap}; fewer than ${P.volume.minMessagesPerWeek} a week never counts`;
  return `${now} against ${baselinePerWeek.toFixed(1)} before (×${ratio}); ${rule}`;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
