import {
  ANALYSIS_WINDOW_DAYS,
  type AnalysisMessage,
  type AskOutcome,
  type ClientProfile,
  type ClientSummary,
  type IncidentDraft,
  type InvoiceFacts,
  type MessageFindings,
  type ThreadAnalysis,
  validateWorkingCalendar,
  type WorkingCalendar,
} from '@firmly/core';
import { and, eq, gte, isNotNull, notInArray, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Executor } from '../client';
import { asks } from '../schema/asks';
import { clientContacts } from '../schema/client-contacts';
import { clientDomains } from '../schema/client-domains';
import { clientHealth } from '../schema/client-health';
import { clients, defaultWorkingCalendar } from '../schema/clients';
import { controlSamples } from '../schema/control-samples';
import { incidents } from '../schema/incidents';
import { mailProposals } from '../schema/mail-proposals';
import { messageAnalyses } from '../schema/message-analyses';
import { messages } from '../schema/messages';
import { threads } from '../schema/threads';
import { workspaces } from '../schema/workspaces';
import { loadClientAsks, loadClientInvoices } from './client-record';

/** PRODUCT §4.1: an ask may stay open 2 business days before the first nudge. */
export const DEFAULT_SLA_BUSINESS_DAYS = 2;
const DAY = 86_400_000;

export interface ClientForAnalysis {
  profile: ClientProfile;
  status: string;
  /** Why the stored calendar could not be used as is, when it could not. */
  calendarProblems: string[];
}

function hoursOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) + (m ?? 0) / 60;
}

/** The playbook overrides inside a workspace's or client's settings (PRODUCT §4: every number configurable). */
export function playbookOf(settings: Record<string, unknown>): Record<string, unknown> {
  const playbook = settings.playbook;
  return playbook !== null && typeof playbook === 'object' && !Array.isArray(playbook) ? (playbook as Record<string, unknown>) : {};
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The client as analysis sees it. A calendar the API should have refused (an unknown zone,
 * hours out of order) does not stop analysis: the default calendar in a zone that works is
 * used instead, and the problem is reported to the caller.
 */
/**
 * The calendar a client is worked with: the stored one, or — when it is one the API should have
 * refused — the default working week in the client's zone (UTC if even the zone is unusable), so
 * neither analysis nor sending ever fails on it. The problems say what was replaced.
 */
export function effectiveCalendar(client: { workingCalendar: Omit<WorkingCalendar, 'timezone'>; timezone: string }): {
  calendar: WorkingCalendar;
  problems: string[];
} {
  const stored: WorkingCalendar = { ...client.workingCalendar, timezone: client.timezone };
  const problems = validateWorkingCalendar(stored).map((p) => `${p.field}: ${p.message}`);
  if (problems.length === 0) return { calendar: stored, problems };
  const zoneOk = validateWorkingCalendar({ ...defaultWorkingCalendar, timezone: client.timezone }).length === 0;
  return { calendar: { ...defaultWorkingCalendar, timezone: zoneOk ? client.timezone : 'UTC' }, problems };
}

export async function loadClientForAnalysis(db: Executor, workspaceId: string, clientId: string): Promise<ClientForAnalysis | undefined> {
  const [row] = await db
    .select({ client: clients, workspaceSettings: workspaces.settings })
    .from(clients)
    .innerJoin(workspaces, eq(workspaces.id, clients.workspaceId))
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  if (!row) return undefined;
  // One after another: inside a transaction there is one connection, and pg deprecates overlapping queries on it.
  const contacts = await db
    .select({ address: clientContacts.address })
    .from(clientContacts)
    .where(and(eq(clientContacts.workspaceId, workspaceId), eq(clientContacts.clientId, clientId)));
  const domains = await db
    .select({ domain: clientDomains.domain })
    .from(clientDomains)
    .where(and(eq(clientDomains.workspaceId, workspaceId), eq(clientDomains.clientId, clientId)));
  const { calendar, problems } = effectiveCalendar(row.client);
  // The same setting the ladders read (`settings.playbook`, see @firmly/core resolveSettings), so analysis and escalation agree.
  const slaDays =
    positiveNumber(playbookOf(row.client.settings).slaBusinessDays) ??
    positiveNumber(playbookOf(row.workspaceSettings).slaBusinessDays) ??
    DEFAULT_SLA_BUSINESS_DAYS;
  return {
    status: row.client.status,
    calendarProblems: problems,
    profile: {
      id: row.client.id,
      locale: row.client.locale,
      calendar,
      contactAddresses: contacts.map((c) => c.address.toLowerCase()),
      domains: domains.map((d) => d.domain.toLowerCase()),
      slaBusinessHours: slaDays * (hoursOf(calendar.endsAt) - hoursOf(calendar.startsAt)),
    },
  };
}

/** The thread's client (locking the thread row, so two analyses of one thread take turns), or undefined. */
export async function lockThreadForAnalysis(
  db: Executor,
  workspaceId: string,
  threadId: string,
): Promise<{ clientId: string | null } | undefined> {
  const [row] = await db
    .select({ clientId: threads.clientId })
    .from(threads)
    .where(and(eq(threads.workspaceId, workspaceId), eq(threads.id, threadId)))
    .for('update');
  return row;
}

export async function threadMessagesForAnalysis(db: Executor, workspaceId: string, threadId: string): Promise<AnalysisMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      threadId: messages.threadId,
      direction: messages.direction,
      fromAddress: messages.fromAddress,
      sentAt: messages.sentAt,
      subject: messages.subject,
      visibleText: messages.visibleText,
      visibleTextNote: messages.visibleTextNote,
      isAutoReply: messages.isAutoReply,
      attachments: messages.attachments,
      parseStatus: messages.parseStatus,
    })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.threadId, threadId)));
  return rows.map((r) => ({
    id: r.id,
    threadId: r.threadId,
    direction: r.direction,
    fromAddress: r.fromAddress ?? undefined,
    sentAt: r.sentAt,
    subject: r.subject ?? '',
    visibleText: r.visibleText,
    visibleTextNote: r.visibleTextNote ?? undefined,
    isAutoReply: r.isAutoReply,
    attachments: r.attachments,
    malformed: r.parseStatus === 'malformed',
  }));
}

/** The operator's marks on the thread's messages (true = an ask, false = not an ask). */
export async function askOverrides(db: Executor, workspaceId: string, threadId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .select({ messageId: asks.messageId, override: asks.operatorOverride })
    .from(asks)
    .where(and(eq(asks.workspaceId, workspaceId), eq(asks.threadId, threadId), isNotNull(asks.operatorOverride)));
  return new Map(rows.map((r) => [r.messageId, r.override === true]));
}

type FindingsJson = Pick<
  MessageFindings,
  'ask' | 'askDismissed' | 'control' | 'abuse' | 'paymentClaims' | 'invoice' | 'returnsOn' | 'notes'
>;

/**
 * Stores a thread's analysis: its messages' findings, its asks (an ask the operator unmarked
 * stays, dismissed; one no longer detected goes), proposals for the operator, and incidents.
 * Idempotent: storing the same analysis twice changes nothing the second time.
 */
export async function saveThreadAnalysis(
  db: Executor,
  workspaceId: string,
  analysis: ThreadAnalysis,
  analyzedAt: Date,
): Promise<{ newIncidents: number }> {
  if (analysis.messages.length > 0) {
    await db
      .insert(messageAnalyses)
      .values(
        analysis.messages.map((f) => ({
          workspaceId,
          messageId: f.messageId,
          threadId: f.threadId,
          clientId: analysis.clientId,
          direction: f.direction,
          sentAt: f.sentAt,
          language: f.language,
          fromClient: f.fromClient,
          autoReply: f.autoReply,
          afterHours: f.afterHours,
          findings: findingsJson(f) as unknown as Record<string, unknown>,
          analyzedAt,
        })),
      )
      .onConflictDoUpdate({
        target: [messageAnalyses.workspaceId, messageAnalyses.messageId],
        set: {
          threadId: sql`excluded.thread_id`,
          clientId: sql`excluded.client_id`,
          direction: sql`excluded.direction`,
          sentAt: sql`excluded.sent_at`,
          language: sql`excluded.language`,
          fromClient: sql`excluded.from_client`,
          autoReply: sql`excluded.auto_reply`,
          afterHours: sql`excluded.after_hours`,
          findings: sql`excluded.findings`,
          analyzedAt: sql`excluded.analyzed_at`,
        },
      });
  }
  await saveAsks(db, workspaceId, analysis);
  await saveProposals(db, workspaceId, analysis);
  return { newIncidents: await fileIncidents(db, workspaceId, analysis.clientId, analysis.incidents, analyzedAt) };
}

function findingsJson(f: MessageFindings): FindingsJson {
  return {
    ask: f.ask,
    askDismissed: f.askDismissed,
    control: f.control,
    abuse: f.abuse,
    paymentClaims: f.paymentClaims,
    invoice: f.invoice,
    returnsOn: f.returnsOn,
    notes: f.notes,
  };
}

async function saveAsks(db: Executor, workspaceId: string, analysis: ThreadAnalysis): Promise<void> {
  const askIds = analysis.asks.map((a) => a.messageId);
  // Gone: detected before, not any more, and never touched by the operator.
  await db
    .delete(asks)
    .where(
      and(
        eq(asks.workspaceId, workspaceId),
        eq(asks.threadId, analysis.threadId),
        sql`${asks.operatorOverride} IS NULL`,
        askIds.length > 0 ? notInArray(asks.messageId, askIds) : sql`true`,
      ),
    );
  // Unmarked by the operator: kept, dismissed (the mark itself is the record).
  await db
    .update(asks)
    .set({ status: 'dismissed', answeredByMessageId: null, answeredAt: null, pausedUntil: null })
    .where(and(eq(asks.workspaceId, workspaceId), eq(asks.threadId, analysis.threadId), eq(asks.operatorOverride, false)));
  if (analysis.asks.length === 0) return;
  await db
    .insert(asks)
    .values(
      analysis.asks.map((a) => ({
        workspaceId,
        messageId: a.messageId,
        threadId: a.threadId,
        clientId: analysis.clientId,
        askedAt: a.askedAt,
        sentence: a.sentence ?? null,
        rule: a.rule ?? null,
        kind: a.kind ?? null,
        source: a.source,
        status: a.status,
        answeredByMessageId: a.answeredByMessageId ?? null,
        answeredAt: a.answeredAt ?? null,
        pausedUntil: a.pausedUntil ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [asks.workspaceId, asks.messageId],
      set: {
        threadId: sql`excluded.thread_id`,
        clientId: sql`excluded.client_id`,
        askedAt: sql`excluded.asked_at`,
        sentence: sql`excluded.sentence`,
        rule: sql`excluded.rule`,
        kind: sql`excluded.kind`,
        source: sql`excluded.source`,
        status: sql`excluded.status`,
        answeredByMessageId: sql`excluded.answered_by_message_id`,
        answeredAt: sql`excluded.answered_at`,
        pausedUntil: sql`excluded.paused_until`,
      },
    });
}

async function saveProposals(db: Executor, workspaceId: string, analysis: ThreadAnalysis): Promise<void> {
  const rows: Array<typeof mailProposals.$inferInsert> = [];
  for (const f of analysis.messages) {
    if (f.invoice) {
      const { rule, sentence, ...details } = f.invoice;
      rows.push({
        workspaceId,
        clientId: analysis.clientId,
        messageId: f.messageId,
        kind: 'invoice',
        ordinal: 0,
        rule,
        sentence: sentence ?? null,
        details,
      });
    }
    f.paymentClaims.forEach((claim, ordinal) => {
      const { kind, rule, sentence, ...details } = claim;
      rows.push({
        workspaceId,
        clientId: analysis.clientId,
        messageId: f.messageId,
        kind: kind === 'paid' ? 'payment' : kind,
        ordinal,
        rule,
        sentence,
        details,
      });
    });
  }
  // A proposal, once made, is the operator's to decide: re-analysis never rewrites or revives it.
  if (rows.length > 0) await db.insert(mailProposals).values(rows).onConflictDoNothing();
}

/** Files incidents once each (by dedupe key), with an audit event for each one filed now. */
export async function fileIncidents(
  db: Executor,
  workspaceId: string,
  clientId: string,
  drafts: readonly IncidentDraft[],
  at: Date,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const inserted = await db
    .insert(incidents)
    .values(
      drafts.map((d) => ({
        workspaceId,
        clientId,
        kind: d.kind,
        occurredAt: d.occurredAt,
        summary: d.summary,
        evidence: d.evidence,
        dedupeKey: d.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: incidents.id, kind: incidents.kind, dedupeKey: incidents.dedupeKey });
  for (const row of inserted) {
    await appendAuditEvent(db, {
      workspaceId,
      actor: 'firmly:analysis',
      action: 'incident.filed',
      subjectType: 'incident',
      subjectId: row.id,
      data: { clientId, kind: row.kind, dedupeKey: row.dedupeKey },
      occurredAt: at,
    });
  }
  return inserted.length;
}

export interface ClientRollupInput {
  asks: AskOutcome[];
  inbound: MessageFindings[];
  invoices: InvoiceFacts[];
}

/** What the client rollup reads: asks of the analysis window, recent findings of the client's own mail (auto-replies too), every live invoice. */
export async function loadClientRollupInput(db: Executor, workspaceId: string, clientId: string, now: Date): Promise<ClientRollupInput> {
  const since = new Date(now.getTime() - ANALYSIS_WINDOW_DAYS * DAY);
  const windowAsks = await loadClientAsks(db, workspaceId, clientId, since);
  const inboundRows = await db
    .select()
    .from(messageAnalyses)
    .where(
      and(
        eq(messageAnalyses.workspaceId, workspaceId),
        eq(messageAnalyses.clientId, clientId),
        eq(messageAnalyses.direction, 'inbound'),
        eq(messageAnalyses.fromClient, true),
        gte(messageAnalyses.sentAt, since),
      ),
    );
  return {
    asks: windowAsks,
    inbound: inboundRows.map((r) => {
      const f = r.findings as unknown as FindingsJson;
      return {
        messageId: r.messageId,
        threadId: r.threadId,
        direction: r.direction,
        sentAt: r.sentAt,
        language: r.language === 'hu' ? 'hu' : 'en',
        fromClient: r.fromClient,
        afterHours: r.afterHours,
        autoReply: r.autoReply,
        ask: f.ask,
        askDismissed: f.askDismissed,
        control: f.control ?? [],
        abuse: f.abuse ?? [],
        paymentClaims: f.paymentClaims ?? [],
        invoice: f.invoice,
        returnsOn: f.returnsOn,
        notes: f.notes ?? [],
      };
    }),
    invoices: await loadClientInvoices(db, workspaceId, clientId),
  };
}

export async function saveClientSummary(
  db: Executor,
  workspaceId: string,
  clientId: string,
  summary: ClientSummary,
  localDay?: string,
): Promise<{ newIncidents: number }> {
  const row = {
    workspaceId,
    clientId,
    computedAt: summary.computedAt,
    controlScore: Math.round(summary.control.score),
    openAsks: summary.responsiveness.open,
    responsiveness: summary.responsiveness as unknown as Record<string, unknown>,
    control: summary.control as unknown as Record<string, unknown>,
    payments: summary.payments as unknown as Record<string, unknown>,
  };
  await db
    .insert(clientHealth)
    .values(row)
    .onConflictDoUpdate({ target: [clientHealth.workspaceId, clientHealth.clientId], set: { ...row } });
  if (localDay) {
    // The day's latest score stands for the day: the controlling ladder counts days above the threshold.
    const sample = { workspaceId, clientId, day: localDay, at: summary.computedAt, score: row.controlScore };
    await db
      .insert(controlSamples)
      .values(sample)
      .onConflictDoUpdate({
        target: [controlSamples.workspaceId, controlSamples.clientId, controlSamples.day],
        set: { at: sample.at, score: sample.score },
      });
  }
  return { newIncidents: await fileIncidents(db, workspaceId, clientId, summary.incidents, summary.computedAt) };
}

/**
 * The operator marks (true) or unmarks (false) a message as an ask, or clears the mark
 * (null) so detection decides again. Returns the thread to re-analyse; `not_found` when the
 * message is not in this workspace or not in a client thread, `not_outbound` for the client's own mail.
 */
export async function setAskOverride(db: Executor, workspaceId: string, messageId: string, isAsk: boolean | null, at: Date, actor: string) {
  const [message] = await db
    .select({
      id: messages.id,
      threadId: messages.threadId,
      sentAt: messages.sentAt,
      direction: messages.direction,
      clientId: threads.clientId,
    })
    .from(messages)
    .innerJoin(threads, and(eq(threads.workspaceId, messages.workspaceId), eq(threads.id, messages.threadId)))
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)));
  if (!message?.clientId) return { outcome: 'not_found' as const };
  // Asks are what we ask the client; the client's own messages are answers, never asks.
  if (message.direction !== 'outbound') return { outcome: 'not_outbound' as const };
  if (isAsk === null) {
    await db
      .update(asks)
      .set({ operatorOverride: null })
      .where(and(eq(asks.workspaceId, workspaceId), eq(asks.messageId, messageId)));
  } else {
    await db
      .insert(asks)
      .values({
        workspaceId,
        messageId,
        threadId: message.threadId,
        clientId: message.clientId,
        askedAt: message.sentAt,
        source: 'operator',
        operatorOverride: isAsk,
        status: isAsk ? 'open' : 'dismissed',
      })
      .onConflictDoUpdate({ target: [asks.workspaceId, asks.messageId], set: { operatorOverride: isAsk } });
  }
  await appendAuditEvent(db, {
    workspaceId,
    actor,
    action: isAsk === null ? 'ask.mark_cleared' : isAsk ? 'ask.marked' : 'ask.unmarked',
    subjectType: 'message',
    subjectId: messageId,
    data: { threadId: message.threadId },
    occurredAt: at,
  });
  return { outcome: 'saved' as const, threadId: message.threadId, clientId: message.clientId };
}
