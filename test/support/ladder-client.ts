import { type Database, schema } from '@firmly/db';

export interface LadderClientOptions {
  slug: string;
  name?: string;
  timezone?: string;
  locale?: string;
  workspaceSettings?: Record<string, unknown>;
  /** The client's contact address; null for a client nobody can be written to. */
  contact?: string | null;
  /** One invoice, overdue by default (issued 19 October 2026, due 2 November). */
  invoice?: { number: string; amountMinor: bigint; currency: string; issuedOn?: string; dueOn?: string };
}

/**
 * A workspace with its owner, a Gmail mailbox and one client (with a contact and, when given,
 * an invoice): what a ladder needs to draft, and nothing more.
 */
export async function ladderClient(db: Database, options: LadderClientOptions) {
  const [ws] = await db
    .insert(schema.workspaces)
    .values({ slug: options.slug, name: 'Studio', settings: options.workspaceSettings ?? {} })
    .returning();
  if (!ws) throw new Error('no workspace');
  const [operator] = await db
    .insert(schema.operators)
    .values({ workspaceId: ws.id, email: `owner@${options.slug}.example`, name: 'Owner', role: 'owner' })
    .returning();
  const [client] = await db
    .insert(schema.clients)
    .values({
      workspaceId: ws.id,
      name: options.name ?? 'Bakery',
      timezone: options.timezone ?? 'Europe/London',
      locale: options.locale ?? 'en',
    })
    .returning();
  const [mailbox] = await db
    .insert(schema.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: 'studio@agency.example' })
    .returning();
  if (!operator || !client || !mailbox) throw new Error('setup failed');
  const contact = options.contact === undefined ? 'owner@bakery.example' : options.contact;
  if (contact) await db.insert(schema.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: contact });
  let invoiceId: string | undefined;
  if (options.invoice) {
    const { number, amountMinor, currency, issuedOn = '2026-10-19', dueOn = '2026-11-02' } = options.invoice;
    const [invoice] = await db
      .insert(schema.invoices)
      .values({ workspaceId: ws.id, clientId: client.id, number, amountMinor, currency, issuedOn, dueOn, source: 'api' })
      .returning();
    invoiceId = invoice?.id;
  }
  return { workspaceId: ws.id, clientId: client.id, operatorId: operator.id, mailboxId: mailbox.id, invoiceId };
}
