import {
  BUSINESS_HOUR,
  businessCalendar,
  type Clock,
  type DocumentedIncident,
  defaultEscalationSettings,
  handoverPlatformNames,
  terminationPlan,
} from '@firmly/core';
import { type Database, loadEscalationState, raiseAlert, recordOffboardingLetters, schema } from '@firmly/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { letterParties } from '../escalation/apply';
import { insertDraft, localeOf } from '../escalation/insert-draft';
import { incidentLine } from '../offboarding/incident-lines';
import { closingReport, type OffboardingLetterFacts, terminationLetter } from '../offboarding/letters';

export type OffboardOutcome =
  | { status: 'drafted'; terminationEmailId: string | null; closingReportEmailId: string | null; skipped: string[] }
  | { status: 'skipped'; reason: string };

const ACTOR = 'firmly:offboarding';

/**
 * `client.offboard`: drafts an offboarding's termination letter and closing report into the
 * review queue, under the offboarding's row lock. Each letter has its own idempotency key, so a
 * retry or a second job drafts nothing twice; a letter that cannot be written (no mailbox, no
 * contact address) raises an alert for the operator and is drafted by the next run.
 */
export function offboardClientJob(deps: { db: Database; clock: Clock; log: Logger }) {
  return async (data: { workspaceId: string; offboardingId: string }): Promise<OffboardOutcome> => {
    const { workspaceId, offboardingId } = data;
    const now = deps.clock.now();
    return deps.db.transaction(async (tx): Promise<OffboardOutcome> => {
      const [offboarding] = await tx
        .select()
        .from(schema.offboardings)
        .where(and(eq(schema.offboardings.workspaceId, workspaceId), eq(schema.offboardings.id, offboardingId)))
        .for('update');
      if (!offboarding) return { status: 'skipped', reason: 'offboarding not found' };
      if (offboarding.state !== 'in_progress') return { status: 'skipped', reason: `the offboarding is ${offboarding.state}` };
      if (offboarding.terminationEmailId && offboarding.closingReportEmailId) return { status: 'skipped', reason: 'already drafted' };
      const { clientId } = offboarding;
      const state = await loadEscalationState(tx, workspaceId, clientId, now);
      if (!state) return { status: 'skipped', reason: 'client not found' };
      const accounts = await tx
        .select()
        .from(schema.managedAccounts)
        .where(and(eq(schema.managedAccounts.workspaceId, workspaceId), eq(schema.managedAccounts.clientId, clientId)))
        .orderBy(schema.managedAccounts.platform, schema.managedAccounts.handle);
      const work = await tx
        .select()
        .from(schema.workLogEntries)
        .where(and(eq(schema.workLogEntries.workspaceId, workspaceId), eq(schema.workLogEntries.clientId, clientId)))
        .orderBy(schema.workLogEntries.doneOn);
      const accountNames = accounts.map((account) => {
        const platform = handoverPlatformNames[account.platform];
        return platform ? `${platform}: ${account.handle}` : account.handle;
      });
      const settings = state.settings.ok ? state.settings.settings : defaultEscalationSettings;
      const calendar = businessCalendar(state.input.client.calendar);
      const answers = state.input.asks
        .filter((ask) => ask.status === 'answered' && ask.answeredAt)
        .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())
        .map((ask) => ({
          askedOn: calendar.localDate(ask.askedAt),
          businessHours: Math.round((calendar.millisBetween(ask.askedAt, ask.answeredAt ?? ask.askedAt) / BUSINESS_HOUR) * 10) / 10,
        }));
      const plan = terminationPlan(
        {
          ...state.input,
          incidents: offboarding.reasons.map((reason) => ({
            // Copied from incidents.kind (the incident_kind enum) when the operator chose it.
            kind: reason.kind as DocumentedIncident['kind'],
            occurredAt: new Date(reason.occurredAt),
            summary: reason.summary,
          })),
          managedAccounts: accounts.map((account, index) => ({ name: accountNames[index] ?? account.handle, service: account.platform })),
          deliverables: work.map((entry) => ({ title: entry.title, deliveredOn: entry.doneOn, result: entry.outcome ?? undefined })),
        },
        settings,
        { calendar },
      );
      const locale = localeOf(state.input.client.locale);
      // The chosen incidents' evidence (the question, the invoice), for the letter's own wording of each.
      const evidence = await tx
        .select({ id: schema.incidents.id, evidence: schema.incidents.evidence })
        .from(schema.incidents)
        .where(
          and(
            eq(schema.incidents.workspaceId, workspaceId),
            inArray(
              schema.incidents.id,
              offboarding.reasons.map((reason) => reason.incidentId),
            ),
          ),
        );
      const evidenceOf = new Map(evidence.map((row) => [row.id, row.evidence]));
      const invoices = new Map(state.input.invoices.map((invoice) => [invoice.invoiceId, invoice]));
      const reasonLines = offboarding.reasons.map((reason) =>
        incidentLine({ kind: reason.kind, summary: reason.summary, evidence: evidenceOf.get(reason.incidentId) ?? {} }, invoices, locale),
      );
      const timeZone = state.input.client.calendar.timezone;
      const facts: OffboardingLetterFacts = {
        plan,
        reasons: offboarding.reasons,
        reasonLines,
        endsOn: offboarding.endsOn,
        accounts: accountNames,
        parties: await letterParties(tx, workspaceId, clientId, timeZone),
        locale,
        answers,
        agreedAnswerHours: (settings.slaBusinessDays * calendar.workingDayMillis) / BUSINESS_HOUR,
      };
      // In the conversation the client wrote in last, as the ladders' emails are.
      const [thread] = await tx
        .select({ id: schema.threads.id })
        .from(schema.threads)
        .where(and(eq(schema.threads.workspaceId, workspaceId), eq(schema.threads.clientId, clientId)))
        .orderBy(desc(schema.threads.lastMessageAt))
        .limit(1);
      const skipped: string[] = [];
      const letter = async (input: ReturnType<typeof terminationLetter>, existing: string | null) => {
        if (existing) return existing;
        const outcome = await insertDraft(tx, {
          workspaceId,
          clientId,
          threadId: thread?.id,
          locale,
          input,
          idempotencyKey: `offboarding:${offboardingId}:${input.kind}`,
          actor: ACTOR,
          auditData: { clientId, kind: input.kind, offboardingId },
          now,
        });
        if ('id' in outcome) return outcome.id;
        if (outcome.skipped === 'already drafted') {
          const [row] = await tx
            .select({ id: schema.outgoingEmails.id })
            .from(schema.outgoingEmails)
            .where(
              and(
                eq(schema.outgoingEmails.workspaceId, workspaceId),
                eq(schema.outgoingEmails.idempotencyKey, `offboarding:${offboardingId}:${input.kind}`),
              ),
            );
          return row?.id ?? null;
        }
        skipped.push(`${input.kind}: ${outcome.skipped}`);
        await raiseAlert(tx, {
          workspaceId,
          kind: 'offboarding_letter_not_drafted',
          dedupeKey: `offboarding_letter_not_drafted:${offboardingId}:${input.kind}:${outcome.skipped}`,
          message: `The ${input.kind === 'termination' ? 'termination letter' : 'closing report'} could not be drafted: ${outcome.skipped}.`,
          subjectType: 'client',
          subjectId: clientId,
          data: { offboardingId },
        });
        return null;
      };
      const terminationEmailId = await letter(terminationLetter(facts), offboarding.terminationEmailId);
      const closingReportEmailId = await letter(closingReport(facts), offboarding.closingReportEmailId);
      await recordOffboardingLetters(tx, offboarding, { terminationEmailId, closingReportEmailId });
      deps.log.info({ clientId, offboardingId, terminationEmailId, closingReportEmailId, skipped }, 'offboarding letters drafted');
      return { status: 'drafted', terminationEmailId, closingReportEmailId, skipped };
    });
  };
}
