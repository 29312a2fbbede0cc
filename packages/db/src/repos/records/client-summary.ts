import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { clientHealth } from '../../schema/client-health';
import { invoices } from '../../schema/invoices';
import { outgoingEmails } from '../../schema/outgoing-emails';
import { payments } from '../../schema/payments';
import { loadInvoiceViews } from './invoice-standing';

/** What a client list row shows beside the client itself. */
export interface ClientCounts {
  /** From the latest rollup; null until the client has been analysed. */
  controlScore: number | null;
  openAsks: number | null;
  overdueInvoices: number;
  pendingDrafts: number;
}

const DAY = 86_400_000;
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Counts for a page of clients, in three queries whatever the page size. */
export async function clientCounts(db: Executor, workspaceId: string, clientIds: string[], now: Date): Promise<Map<string, ClientCounts>> {
  const counts = new Map<string, ClientCounts>(
    clientIds.map((id) => [id, { controlScore: null, openAsks: null, overdueInvoices: 0, pendingDrafts: 0 }]),
  );
  if (clientIds.length === 0) return counts;

  const health = await db
    .select({ clientId: clientHealth.clientId, controlScore: clientHealth.controlScore, openAsks: clientHealth.openAsks })
    .from(clientHealth)
    .where(and(eq(clientHealth.workspaceId, workspaceId), inArray(clientHealth.clientId, clientIds)));
  for (const row of health) {
    const entry = counts.get(row.clientId);
    if (entry) Object.assign(entry, { controlScore: row.controlScore, openAsks: row.openAsks });
  }

  const drafts = await db
    .select({ clientId: outgoingEmails.clientId, count: sql<number>`count(*)::int` })
    .from(outgoingEmails)
    .where(
      and(
        eq(outgoingEmails.workspaceId, workspaceId),
        eq(outgoingEmails.state, 'pending_review'),
        inArray(outgoingEmails.clientId, clientIds),
      ),
    )
    .groupBy(outgoingEmails.clientId);
  for (const row of drafts) {
    const entry = counts.get(row.clientId);
    if (entry) entry.pendingDrafts = row.count;
  }

  // Overdue is decided on each client's own calendar day (invoice-standing.ts). The SQL only
  // narrows to a superset: every zone's today lies within a day of UTC's, so an invoice due
  // before UTC tomorrow and not paid off by payments dated before UTC yesterday is a candidate.
  const candidates = await loadInvoiceViews(
    db,
    workspaceId,
    and(
      inArray(invoices.clientId, clientIds),
      lt(invoices.dueOn, utcDay(now.getTime() + DAY)),
      sql`${invoices.amountMinor} > coalesce((select sum(p.amount_minor) from ${payments} p where p.workspace_id = ${invoices.workspaceId} and p.invoice_id = ${invoices.id} and p.paid_on < ${utcDay(now.getTime() - DAY)}), 0)`,
    ),
    now,
  );
  for (const invoice of candidates) {
    const entry = counts.get(invoice.clientId);
    if (entry && invoice.status === 'overdue') entry.overdueInvoices += 1;
  }
  return counts;
}
