import { and, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { alerts } from '../schema/alerts';
import { mailboxes } from '../schema/mailboxes';
import { outgoingEmails } from '../schema/outgoing-emails';
import { workspaces } from '../schema/workspaces';

/**
 * The numbers /metrics exposes, read at scrape time. `allWorkspaces` is the deployment's
 * operator (METRICS_TOKEN); a workspace's admin key sees its own workspace only, so a
 * scrape never shows one tenant another tenant's mailboxes or drafts.
 */
export type MetricsScope = { workspaceId: string } | { allWorkspaces: true };

function within(scope: MetricsScope, column: PgColumn): SQL | undefined {
  return 'workspaceId' in scope ? eq(column, scope.workspaceId) : undefined;
}

/** Mailboxes still meant to sync (not disconnected), with when they last stored a page. */
export async function mailboxSyncStates(db: Executor, scope: MetricsScope) {
  return db
    .select({ id: mailboxes.id, provider: mailboxes.provider, lastSyncedAt: mailboxes.lastSyncedAt, createdAt: mailboxes.createdAt })
    .from(mailboxes)
    .where(and(ne(mailboxes.status, 'disconnected'), within(scope, mailboxes.workspaceId)));
}

/** Drafts waiting for the operator, per workspace; a workspace without any answers 0. */
export async function pendingReviewCounts(db: Executor, scope: MetricsScope) {
  return db
    .select({ workspaceId: workspaces.id, n: count(outgoingEmails.id) })
    .from(workspaces)
    .leftJoin(outgoingEmails, and(eq(outgoingEmails.workspaceId, workspaces.id), eq(outgoingEmails.state, 'pending_review')))
    .where(within(scope, workspaces.id))
    .groupBy(workspaces.id);
}

/** Outgoing emails per state. */
export async function outgoingEmailStateCounts(db: Executor, scope: MetricsScope) {
  return db
    .select({ state: outgoingEmails.state, n: count() })
    .from(outgoingEmails)
    .where(within(scope, outgoingEmails.workspaceId))
    .groupBy(outgoingEmails.state);
}

/** Cancelled emails per stated reason (raw; the caller folds reasons that carry dates). */
export async function cancelledEmailReasonCounts(db: Executor, scope: MetricsScope) {
  return db
    .select({ reason: outgoingEmails.stateReason, n: count() })
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.state, 'cancelled'), within(scope, outgoingEmails.workspaceId)))
    .groupBy(outgoingEmails.stateReason);
}

/**
 * Provider failures the mailbox side records: alerts raised about a mailbox (today
 * `mailbox.needs_reauth`, raised with the status change when a grant dies), per
 * provider and alert kind. Resolved ones count too: this is how often it happened.
 */
export async function mailboxAlertCounts(db: Executor, scope: MetricsScope) {
  return db
    .select({ provider: mailboxes.provider, kind: alerts.kind, n: count() })
    .from(alerts)
    .innerJoin(
      mailboxes,
      and(
        eq(mailboxes.workspaceId, alerts.workspaceId),
        eq(sql`${mailboxes.id}::text`, alerts.subjectId),
        eq(alerts.subjectType, 'mailbox'),
      ),
    )
    .where(within(scope, alerts.workspaceId))
    .groupBy(mailboxes.provider, alerts.kind);
}
