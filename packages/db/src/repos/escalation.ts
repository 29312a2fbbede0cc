import {
  ANALYSIS_WINDOW_DAYS,
  type ClientStatus,
  type EscalationAsk,
  type EscalationInput,
  type EscalationRun,
  type LadderEmail,
  type LadderEmailKind,
  type ResolvedSettings,
  resolveSettings,
} from '@firmly/core';
import { and, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { clients } from '../schema/clients';
import { controlSamples } from '../schema/control-samples';
import { escalations } from '../schema/escalations';
import { outgoingEmails } from '../schema/outgoing-emails';
import { workspaces } from '../schema/workspaces';
import { loadClientForAnalysis, playbookOf } from './analysis';
import { loadClientAsks, loadClientInvoices } from './client-record';

const DAY = 86_400_000;

export interface EscalationState {
  input: EscalationInput;
  settings: ResolvedSettings;
}

/**
 * Everything the ladders decide from, read under the client's row lock (the caller's
 * transaction): the client and its calendar, its asks of the analysis window, its live
 * invoices with their payments, and the runs of earlier steps with their emails.
 * Undefined for a client that does not exist in this workspace.
 */
export async function loadEscalationState(
  db: Executor,
  workspaceId: string,
  clientId: string,
  now: Date,
): Promise<EscalationState | undefined> {
  await db.execute(sql`SELECT 1 FROM ${clients} WHERE workspace_id = ${workspaceId} AND id = ${clientId} FOR UPDATE`);
  const loaded = await loadClientForAnalysis(db, workspaceId, clientId);
  if (!loaded) return undefined;
  const [row] = await db
    .select({ statusChangedAt: clients.statusChangedAt, clientSettings: clients.settings, workspaceSettings: workspaces.settings })
    .from(clients)
    .innerJoin(workspaces, eq(workspaces.id, clients.workspaceId))
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  const clientPlaybook = playbookOf(row?.clientSettings ?? {});
  const since = new Date(now.getTime() - ANALYSIS_WINDOW_DAYS * DAY);

  const escalationAsks: EscalationAsk[] = await loadClientAsks(db, workspaceId, clientId, since);
  const clientInvoices = await loadClientInvoices(db, workspaceId, clientId);

  const samples = await db
    .select()
    .from(controlSamples)
    .where(and(eq(controlSamples.workspaceId, workspaceId), eq(controlSamples.clientId, clientId), gte(controlSamples.at, since)));

  const runRows = await db
    .select()
    .from(escalations)
    .where(
      and(
        eq(escalations.workspaceId, workspaceId),
        eq(escalations.clientId, clientId),
        or(eq(escalations.status, 'open'), gte(escalations.updatedAt, since)),
      ),
    );
  const emailRows =
    runRows.length === 0
      ? []
      : await db
          .select()
          .from(outgoingEmails)
          .where(
            and(
              eq(outgoingEmails.workspaceId, workspaceId),
              inArray(
                outgoingEmails.escalationId,
                runRows.map((r) => r.id),
              ),
              isNotNull(outgoingEmails.stepKey),
            ),
          );
  const runs: EscalationRun[] = runRows
    .filter((r) => r.cause !== 'ending')
    .map((r) => ({
      id: r.id,
      cause: r.cause as EscalationRun['cause'],
      subjectKey: r.subjectKey,
      status: r.status,
      emails: emailRows
        .filter((e) => e.escalationId === r.id)
        .map(
          (e): LadderEmail => ({
            id: e.id,
            kind: e.kind as LadderEmailKind,
            stepKey: e.stepKey ?? '',
            state: e.state,
            sentAt: e.state === 'sent' ? (e.providerAcceptedAt ?? undefined) : undefined,
            threadId: e.threadId ?? undefined,
            coversAskIds: e.coversAskIds,
          }),
        ),
    }));

  return {
    settings: resolveSettings(playbookOf(row?.workspaceSettings ?? {}), clientPlaybook),
    input: {
      now,
      client: {
        id: clientId,
        status: loaded.status as ClientStatus,
        statusChangedAt: row?.statusChangedAt ?? undefined,
        calendar: loaded.profile.calendar,
        locale: loaded.profile.locale,
        remindersPaused: row?.clientSettings.remindersPaused === true ? true : undefined,
      },
      asks: escalationAsks,
      invoices: clientInvoices,
      controlScores: samples.map((c) => ({ at: c.at, score: c.score, threadId: c.threadId ?? undefined })),
      runs,
    },
  };
}
