import { detectAsk, detectLanguage, type Language } from '../asks';
import { type BusinessCalendar, businessCalendar } from '../business-time';
import { detectAbuse, detectControlSignals } from '../control';
import { detectInvoiceSent, detectPaymentClaims, detectReturnDate } from '../payments';
import { isClientAddress } from './participants';
import type {
  AnalysisMessage,
  AskFinding,
  AskOutcome,
  AskOverrides,
  ClientProfile,
  IncidentDraft,
  MessageFindings,
  ThreadAnalysis,
} from './types';
import { startOfLocalDay } from './zoned';

export interface AnalyzeThreadOptions {
  now: Date;
  overrides?: AskOverrides | undefined;
  /** The client's calendar, when the caller already built one (it memoises holiday lookups). */
  calendar?: BusinessCalendar | undefined;
}

/**
 * One thread of one client, analysed from its messages alone: what each message says (ask,
 * control signals, abuse, payment claims, invoice, out-of-office return) and which asks the
 * client answered. Depends only on the thread, the client's profile, the operator's overrides
 * and `now` (for clock-skewed messages), so re-analysing a thread after a new message costs
 * the thread, never the mailbox, and gives what a full recompute would.
 */
export function analyzeThread(
  threadId: string,
  messages: readonly AnalysisMessage[],
  client: ClientProfile,
  options: AnalyzeThreadOptions,
): ThreadAnalysis {
  const calendar = options.calendar ?? businessCalendar(client.calendar);
  const nowMs = options.now.getTime();
  const ordered = messages
    .filter((m) => m.threadId === threadId)
    .map((m) => ({ message: m, at: clampedTime(m.sentAt, nowMs) }))
    .sort((a, b) => a.at - b.at || compareIds(a.message.id, b.message.id));

  const findings = ordered.map(({ message, at }) => findingsOf(message, at, nowMs, client, calendar, options.overrides));
  const asks = askOutcomes(
    findings,
    ordered.map((o) => o.message),
    client,
  );
  return { threadId, clientId: client.id, messages: findings, asks, incidents: messageIncidents(findings) };
}

/** A Date header in the future of `now` (a sender's broken clock) is read as `now`: the message exists already. */
function clampedTime(sentAt: Date, nowMs: number): number {
  const at = sentAt.getTime();
  if (Number.isNaN(at)) return nowMs;
  return Math.min(at, nowMs);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingsOf(
  message: AnalysisMessage,
  at: number,
  nowMs: number,
  client: ClientProfile,
  calendar: BusinessCalendar,
  overrides: AskOverrides | undefined,
): MessageFindings {
  const sentAt = new Date(at);
  const notes: string[] = [];
  if (Number.isNaN(message.sentAt.getTime())) notes.push('no valid sent time: read as the analysis time');
  else if (message.sentAt.getTime() > nowMs)
    notes.push(`sent time ${message.sentAt.toISOString()} is in the future: read as the analysis time`);
  if (message.visibleTextNote) notes.push(`visible text: ${message.visibleTextNote}`);
  const language: Language = detectLanguage(`${message.subject}\n${message.visibleText}`, client.locale);
  const fromClient = message.direction === 'inbound' && isClientAddress(message.fromAddress, client);
  const base: MessageFindings = {
    messageId: message.id,
    threadId: message.threadId,
    direction: message.direction,
    sentAt,
    language,
    fromClient,
    afterHours: !calendar.isWorkingInstant(sentAt),
    autoReply: message.isAutoReply,
    control: [],
    abuse: [],
    paymentClaims: [],
    notes,
  };
  const override = overrides?.get(message.id);
  if (message.malformed) {
    notes.push('malformed at ingest: not analysed');
    return override === true ? { ...base, ask: { source: 'operator' } } : base;
  }
  const timeZone = client.calendar.timezone;
  if (message.direction === 'outbound') {
    if (message.isAutoReply && override !== true) return { ...base, notes: [...notes, 'our own auto-reply: not an ask'] };
    const detected = detectAsk(message.visibleText, { locale: client.locale });
    notes.push(...detected.notes);
    const verdict = detected.isAsk ? detected.verdict : undefined;
    let ask: AskFinding | undefined;
    if (override === true) ask = { source: 'operator', kind: verdict?.kind, sentence: verdict?.sentence, rule: verdict?.rule };
    else if (override === undefined && verdict)
      ask = { source: 'detected', kind: verdict.kind, sentence: verdict.sentence, rule: verdict.rule };
    const invoice = detectInvoiceSent({
      subject: message.subject,
      visibleText: message.visibleText,
      attachments: message.attachments,
      language,
      sentAt,
      timeZone,
    });
    return { ...base, ask, askDismissed: override === false && detected.isAsk ? true : undefined, invoice };
  }
  if (!fromClient) return { ...base, notes: [...notes, 'inbound from outside the client: not analysed as the client'] };
  if (message.isAutoReply) {
    const back = detectReturnDate({ subject: message.subject, visibleText: message.visibleText, sentAt, timeZone, language });
    return { ...base, returnsOn: back?.date };
  }
  return {
    ...base,
    control: detectControlSignals(message.visibleText, language),
    abuse: detectAbuse(message.visibleText, language),
    paymentClaims: detectPaymentClaims({ subject: message.subject, visibleText: message.visibleText, language, sentAt, timeZone }),
  };
}

/**
 * PRODUCT §3: an ask is answered by the first later inbound, non-automatic message from any
 * of the client's contacts or domains in the same thread; our own follow-ups never count. An
 * out-of-office with a return date, while the ask is open, pauses it until that day.
 */
function askOutcomes(findings: readonly MessageFindings[], messages: readonly AnalysisMessage[], client: ClientProfile): AskOutcome[] {
  // One backward pass: the first answering message at or after each position.
  const nextAnswer: number[] = new Array(findings.length);
  let upcoming = -1;
  for (let i = findings.length - 1; i >= 0; i--) {
    nextAnswer[i] = upcoming;
    const f = findings[i] as MessageFindings;
    if (f.direction === 'inbound' && f.fromClient && !f.autoReply && !messages[i]?.malformed) upcoming = i;
  }
  const outOfOffice = findings.flatMap((f, index) => (f.returnsOn ? [{ index, returnsOn: f.returnsOn }] : []));
  const outcomes: AskOutcome[] = [];
  findings.forEach((f, i) => {
    if (!f.ask) return;
    const answerIndex = nextAnswer[i] ?? -1;
    const answer = answerIndex >= 0 ? findings[answerIndex] : undefined;
    const until = answerIndex >= 0 ? answerIndex : findings.length;
    let pausedUntil: Date | undefined;
    for (const ooo of outOfOffice) {
      if (ooo.index <= i || ooo.index >= until) continue;
      const back = startOfLocalDay(ooo.returnsOn, client.calendar.timezone);
      if (back && (!pausedUntil || back > pausedUntil)) pausedUntil = back;
    }
    outcomes.push({
      messageId: f.messageId,
      threadId: f.threadId,
      askedAt: f.sentAt,
      source: f.ask.source,
      kind: f.ask.kind,
      sentence: f.ask.sentence,
      rule: f.ask.rule,
      status: answer ? 'answered' : 'open',
      answeredByMessageId: answer?.messageId,
      answeredAt: answer?.sentAt,
      pausedUntil,
    });
  });
  return outcomes;
}

/** Abusive messages and control episodes (a demand to approve everything, open distrust) are documented as they come. */
function messageIncidents(findings: readonly MessageFindings[]): IncidentDraft[] {
  const incidents: IncidentDraft[] = [];
  for (const f of findings) {
    if (f.abuse.length > 0) {
      incidents.push({
        kind: 'abusive_message',
        dedupeKey: `abusive_message:${f.messageId}`,
        occurredAt: f.sentAt,
        summary: `Abusive message from the client (${[...new Set(f.abuse.map((a) => a.severity))].join(', ')})`,
        evidence: { messageIds: [f.messageId], quotes: f.abuse.map((a) => a.sentence) },
      });
    }
    const control = f.control.filter((s) => s.kind === 'approval_demand' || s.kind === 'distrust');
    if (control.length > 0) {
      incidents.push({
        kind: 'control_episode',
        dedupeKey: `control_episode:${f.messageId}`,
        occurredAt: f.sentAt,
        summary: control.some((s) => s.kind === 'approval_demand')
          ? 'The client demanded to approve each item before it goes out'
          : 'The client said they do not trust the work',
        evidence: { messageIds: [f.messageId], quotes: control.map((s) => s.sentence) },
      });
    }
  }
  return incidents;
}
