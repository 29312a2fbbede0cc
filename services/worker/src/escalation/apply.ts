import type { BusinessCalendar, DraftAction, EscalationAction } from '@firmly/core';
import { appendAuditEvent, changeClientStatus, type Executor, raiseAlert, schema } from '@firmly/db';
import type { DatedNote } from '@firmly/templates';
import { and, eq, inArray } from 'drizzle-orm';
import { insertDraft } from './insert-draft';
import { type LetterParties, templateInputOf } from './template-data';

export interface AppliedActions {
  drafted: string[];
  /** Drafts of kinds the workspace sends without review: approved here, to be queued after commit. */
  autoApproved: Array<{ id: string; sendAfter: Date }>;
  cancelled: string[];
  statusChanged?: string | undefined;
  alerts: number;
  recheckAt?: Date | undefined;
  skipped: Array<{ stepKey: string; reason: string }>;
}

const ACTOR = 'firmly:escalation';

/** Who the letter is from and to, read once per evaluation. */
export async function letterParties(db: Executor, workspaceId: string, clientId: string, timeZone: string): Promise<LetterParties> {
  const [client] = await db
    .select({ name: schema.clients.name })
    .from(schema.clients)
    .where(and(eq(schema.clients.workspaceId, workspaceId), eq(schema.clients.id, clientId)));
  const [workspace] = await db
    .select({ name: schema.workspaces.name })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  const [owner] = await db
    .select({ name: schema.operators.name, email: schema.operators.email })
    .from(schema.operators)
    .where(eq(schema.operators.workspaceId, workspaceId))
    .orderBy(schema.operators.createdAt)
    .limit(1);
  return {
    clientName: client?.name ?? '',
    operatorName: owner?.name ?? owner?.email ?? workspace?.name ?? '',
    operatorBusiness: workspace?.name,
    timeZone,
  };
}

/** The open run of a ladder for one subject, created on its first step (one open run per subject: a unique index). */
async function runFor(db: Executor, workspaceId: string, clientId: string, action: DraftAction, now: Date): Promise<string> {
  const [existing] = await db
    .select({ id: schema.escalations.id })
    .from(schema.escalations)
    .where(
      and(
        eq(schema.escalations.workspaceId, workspaceId),
        eq(schema.escalations.clientId, clientId),
        eq(schema.escalations.cause, action.cause),
        eq(schema.escalations.subjectKey, action.subjectKey),
        eq(schema.escalations.status, 'open'),
      ),
    );
  if (existing) return existing.id;
  const [created] = await db
    .insert(schema.escalations)
    .values({
      workspaceId,
      clientId,
      cause: action.cause,
      subjectKey: action.subjectKey,
      stage: action.kind,
      history: [{ at: now.toISOString(), from: 'none', to: action.kind, reason: action.stepKey }],
    })
    .returning({ id: schema.escalations.id });
  if (!created) throw new Error('escalation run insert returned no row');
  return created.id;
}

/** The quoted approval demands behind the control score (client_health's evidence), with the day each was written. */
async function controlExamples(db: Executor, workspaceId: string, clientId: string): Promise<DatedNote[]> {
  const [health] = await db
    .select({ control: schema.clientHealth.control })
    .from(schema.clientHealth)
    .where(and(eq(schema.clientHealth.workspaceId, workspaceId), eq(schema.clientHealth.clientId, clientId)));
  const evidence = (
    (health?.control as { evidence?: Array<{ messageId: string; kind: string; quote?: string }> } | undefined)?.evidence ?? []
  ).filter((e) => (e.kind === 'approval_demand' || e.kind === 'distrust') && e.quote);
  if (evidence.length === 0) return [];
  const sent = await db
    .select({ id: schema.messages.id, sentAt: schema.messages.sentAt })
    .from(schema.messages)
    .where(
      and(
        eq(schema.messages.workspaceId, workspaceId),
        inArray(
          schema.messages.id,
          evidence.map((e) => e.messageId),
        ),
      ),
    );
  const sentAt = new Map(sent.map((m) => [m.id, m.sentAt]));
  return evidence.flatMap((e) => {
    const at = sentAt.get(e.messageId);
    return at && e.quote ? [{ date: at, description: e.quote }] : [];
  });
}

async function draft(db: Executor, workspaceId: string, clientId: string, action: DraftAction, parties: LetterParties, now: Date) {
  const input = templateInputOf(
    action,
    parties,
    now,
    action.kind === 'expectations_reset' ? { controlExamples: await controlExamples(db, workspaceId, clientId) } : {},
  );
  return insertDraft(db, {
    workspaceId,
    clientId,
    threadId: action.threadId,
    locale: action.locale,
    input,
    idempotencyKey: action.idempotencyKey,
    stepKey: action.stepKey,
    escalationId: () => runFor(db, workspaceId, clientId, action, now),
    coversAskIds: action.kind === 'firm_notice' ? action.data.askIds : [],
    actor: ACTOR,
    auditData: { clientId, kind: action.kind, stepKey: action.stepKey, cause: action.cause },
    now,
  });
}

/**
 * PRODUCT §5.1: nothing goes out without an operator's approval unless the workspace turned on
 * auto-send for that kind. Then the draft is approved here, for the client's next working
 * instant (§5.5), recorded as approved by firmly itself; the send still re-checks its cause.
 */
async function autoApprove(
  db: Executor,
  workspaceId: string,
  emailId: string,
  kind: string,
  context: { now: Date; calendar: BusinessCalendar },
): Promise<{ id: string; sendAfter: Date }> {
  const sendAfter = context.calendar.nextWorkingInstant(context.now);
  await db
    .update(schema.outgoingEmails)
    .set({ state: 'approved', sendAfter, reviewedAt: context.now })
    .where(and(eq(schema.outgoingEmails.id, emailId), eq(schema.outgoingEmails.state, 'pending_review')));
  await appendAuditEvent(db, {
    workspaceId,
    actor: 'firmly:auto-send',
    action: 'email.approved',
    subjectType: 'outgoing_email',
    subjectId: emailId,
    data: { kind, sendAfter: sendAfter.toISOString(), reason: 'auto-send is on for this kind' },
    occurredAt: context.now,
  });
  return { id: emailId, sendAfter };
}

/**
 * Carries out what the ladders decided, inside the caller's transaction (the client row is
 * locked): drafts rendered from the compiled templates into the outbox (once per step: the
 * idempotency key), stale drafts cancelled with their reason, the client's status changed,
 * alerts raised once per episode — each with an audit event. `recheck_at` is returned for the
 * caller to schedule once the transaction has committed.
 */
export async function applyEscalationActions(
  db: Executor,
  workspaceId: string,
  clientId: string,
  actions: readonly EscalationAction[],
  context: { now: Date; timeZone: string; calendar: BusinessCalendar },
): Promise<AppliedActions> {
  const applied: AppliedActions = { drafted: [], autoApproved: [], cancelled: [], alerts: 0, skipped: [] };
  let parties: LetterParties | undefined;
  for (const action of actions) {
    switch (action.type) {
      case 'cancel_draft': {
        const rows = await db
          .update(schema.outgoingEmails)
          .set({ state: 'cancelled', stateReason: action.reason })
          .where(
            and(
              eq(schema.outgoingEmails.workspaceId, workspaceId),
              eq(schema.outgoingEmails.id, action.outgoingEmailId),
              inArray(schema.outgoingEmails.state, ['pending_review', 'approved']),
            ),
          )
          .returning({ id: schema.outgoingEmails.id });
        if (rows.length > 0) {
          applied.cancelled.push(action.outgoingEmailId);
          await appendAuditEvent(db, {
            workspaceId,
            actor: ACTOR,
            action: 'email.cancelled',
            subjectType: 'outgoing_email',
            subjectId: action.outgoingEmailId,
            data: { reason: action.reason, stepKey: action.stepKey },
            occurredAt: context.now,
          });
        }
        break;
      }
      case 'draft': {
        parties ??= await letterParties(db, workspaceId, clientId, context.timeZone);
        const outcome = await draft(db, workspaceId, clientId, action, parties, context.now);
        if ('id' in outcome) {
          applied.drafted.push(outcome.id);
          if (action.autoSend) applied.autoApproved.push(await autoApprove(db, workspaceId, outcome.id, action.kind, context));
        } else {
          const reason = outcome.skipped;
          applied.skipped.push({ stepKey: action.stepKey, reason });
          // A step the ladder wants but cannot write (no address, no mailbox) is the operator's to fix.
          if (reason !== 'already drafted') {
            await raiseAlert(db, {
              workspaceId,
              kind: 'cannot_draft',
              dedupeKey: `cannot_draft:${clientId}:${reason}`,
              message: `firmly could not draft the ${action.kind.replaceAll('_', ' ')} for this client: ${reason}.`,
              subjectType: 'client',
              subjectId: clientId,
              data: { stepKey: action.stepKey },
            });
          }
        }
        break;
      }
      case 'set_client_status': {
        await changeClientStatus(db, {
          workspaceId,
          clientId,
          status: action.status,
          reason: action.reason,
          actor: ACTOR,
          now: context.now,
        });
        applied.statusChanged = action.status;
        break;
      }
      case 'alert': {
        await raiseAlert(db, {
          workspaceId,
          kind: action.kind,
          dedupeKey: action.dedupeKey,
          message: action.message,
          subjectType: 'client',
          subjectId: clientId,
          data: { cause: action.cause },
        });
        applied.alerts += 1;
        break;
      }
      case 'recheck_at':
        if (!applied.recheckAt || action.at < applied.recheckAt) applied.recheckAt = action.at;
        break;
    }
  }
  return applied;
}
