import { randomUUID } from 'node:crypto';
import { allowedOutgoingEmailTransitions, outgoingEmailStates } from '@firmly/core';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, verifyAuditChain } from './audit';
import type { Database } from './client';
import * as s from './schema/index';
import { useTestDatabase } from './testing/vitest';

const t = useTestDatabase();

/** The Postgres error a failed statement raised (drizzle wraps it as `cause`). */
async function pgError(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { cause?: { code?: string; constraint?: string; message: string } } & Error;
    return e.cause ?? e;
  }
  throw new Error('expected the statement to fail');
}

async function workspaceWithThread(db: Database) {
  const [ws] = await db
    .insert(s.workspaces)
    .values({ slug: `ws-${randomUUID()}`, name: 'W' })
    .returning();
  if (!ws) throw new Error('no workspace');
  const [client] = await db.insert(s.clients).values({ workspaceId: ws.id, name: 'C', timezone: 'Europe/Budapest' }).returning();
  const [mailbox] = await db
    .insert(s.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: `op-${randomUUID()}@example.com` })
    .returning();
  if (!client || !mailbox) throw new Error('no client or mailbox');
  const [thread] = await db
    .insert(s.threads)
    .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: 't-1', clientId: client.id })
    .returning();
  if (!thread) throw new Error('no thread');
  return { ws, client, mailbox, thread };
}

function message(ws: string, mailbox: string, thread: string, providerMessageId: string) {
  return {
    workspaceId: ws,
    mailboxId: mailbox,
    threadId: thread,
    providerMessageId,
    direction: 'inbound' as const,
    sentAt: new Date('2026-11-02T10:00:00Z'),
  };
}

describe('schema', () => {
  it('every table but workspaces itself carries a non-null workspace_id', async () => {
    const { rows } = await t.pool.query<{ table_name: string; has_workspace: boolean }>(`
      SELECT c.relname AS table_name,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'workspace_id'
                     AND a.attnotnull AND NOT a.attisdropped) AS has_workspace
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
    const names = rows.map((r) => r.table_name).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'messages',
        'threads',
        'outgoing_emails',
        'audit_events',
        'invoices',
        'payments',
        'asks',
        'incidents',
        'escalations',
      ]),
    );
    expect(rows.filter((r) => !r.has_workspace).map((r) => r.table_name)).toEqual(['workspaces']);
  });

  it('a stored message is unique per mailbox: a second ingest of the same provider id is rejected', async () => {
    const { ws, mailbox, thread } = await workspaceWithThread(t.db);
    await t.db.insert(s.messages).values(message(ws.id, mailbox.id, thread.id, 'gm-1'));
    const error = await pgError(t.db.insert(s.messages).values(message(ws.id, mailbox.id, thread.id, 'gm-1')));
    expect(error.code).toBe('23505');
    expect(error.constraint).toBe('messages_mailbox_provider_message_key');
    const inserted = await t.db
      .insert(s.messages)
      .values(message(ws.id, mailbox.id, thread.id, 'gm-1'))
      .onConflictDoNothing()
      .returning();
    expect(inserted).toHaveLength(0);
  });

  it('natural keys make other ingests idempotent too', async () => {
    const { ws, client, mailbox } = await workspaceWithThread(t.db);
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'threads_mailbox_provider_thread_key',
        () => t.db.insert(s.threads).values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: 't-1' }),
      ],
      [
        'client_contacts_workspace_address_key',
        async () => {
          await t.db.insert(s.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: 'Anna@Client.example' });
          return t.db.insert(s.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: 'anna@client.example' });
        },
      ],
      [
        'invoices_workspace_number_key',
        async () => {
          const invoice = {
            workspaceId: ws.id,
            clientId: client.id,
            number: 'INV-7',
            amountMinor: 100n,
            currency: 'EUR',
            issuedOn: '2026-11-01',
            dueOn: '2026-11-15',
            source: 'api' as const,
          };
          await t.db.insert(s.invoices).values(invoice);
          return t.db.insert(s.invoices).values(invoice);
        },
      ],
      [
        'incidents_dedupe_key',
        async () => {
          const incident = {
            workspaceId: ws.id,
            clientId: client.id,
            kind: 'late_payment' as const,
            occurredAt: new Date(),
            summary: 'late',
            dedupeKey: 'late_payment:INV-7',
          };
          await t.db.insert(s.incidents).values(incident);
          return t.db.insert(s.incidents).values(incident);
        },
      ],
    ];
    for (const [constraint, attempt] of cases) {
      const error = await pgError(attempt());
      expect({ constraint: error.constraint, code: error.code }).toEqual({ constraint, code: '23505' });
    }
  });

  it('a payment is recorded once per reference, and partial payments add up on one invoice', async () => {
    const { ws, client } = await workspaceWithThread(t.db);
    const [invoice] = await t.db
      .insert(s.invoices)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        number: 'INV-9',
        amountMinor: 1000n,
        currency: 'EUR',
        issuedOn: '2026-11-01',
        dueOn: '2026-11-15',
        source: 'api',
      })
      .returning();
    if (!invoice) throw new Error('no invoice');
    const payment = (reference: string, amountMinor: bigint) => ({
      workspaceId: ws.id,
      invoiceId: invoice.id,
      amountMinor,
      currency: 'EUR',
      paidOn: '2026-11-20',
      reference,
      source: 'api' as const,
    });
    await t.db.insert(s.payments).values([payment('bank-1', 400n), payment('bank-2', 600n)]);
    expect((await pgError(t.db.insert(s.payments).values(payment('bank-1', 400n)))).constraint).toBe('payments_workspace_reference_key');
    const [sum] = await t.db
      .select({ paid: sql<string>`sum(${s.payments.amountMinor})` })
      .from(s.payments)
      .where(eq(s.payments.invoiceId, invoice.id));
    expect(sum?.paid).toBe('1000');
  });

  it('money is stored exactly, beyond the range of a double', async () => {
    const { ws, client } = await workspaceWithThread(t.db);
    const huge = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a JS number
    const [row] = await t.db
      .insert(s.invoices)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        number: 'BIG',
        amountMinor: huge,
        currency: 'HUF',
        issuedOn: '2026-11-01',
        dueOn: '2026-11-01',
        source: 'csv',
      })
      .returning();
    expect(row?.amountMinor).toBe(huge);
  });

  it('rejects invalid contract terms and money at the database too', async () => {
    const { ws, client } = await workspaceWithThread(t.db);
    const base = { workspaceId: ws.id, clientId: client.id, title: 'x', startsOn: '2026-01-01', currency: 'EUR' };
    expect((await pgError(t.db.insert(s.contracts).values({ ...base, dueRuleKind: 'day_of_month', dueRuleValue: 0 }))).constraint).toBe(
      'contracts_due_rule_range',
    );
    expect(
      (await pgError(t.db.insert(s.contracts).values({ ...base, dueRuleKind: 'net_days', dueRuleValue: 14, currency: 'eur' }))).constraint,
    ).toBe('contracts_currency_iso');
  });

  it('a row cannot reference a parent in another workspace', async () => {
    const a = await workspaceWithThread(t.db);
    const b = await workspaceWithThread(t.db);
    // Workspace B's message in workspace A's thread: both ids exist, but not together.
    const error = await pgError(t.db.insert(s.messages).values(message(b.ws.id, b.mailbox.id, a.thread.id, 'cross')));
    expect(error.code).toBe('23503');
    expect(error.constraint).toBe('messages_thread_fk');
  });

  it('deleting a workspace removes all of its rows, and nobody else’s', async () => {
    const a = await workspaceWithThread(t.db);
    const b = await workspaceWithThread(t.db);
    await t.db.insert(s.messages).values(message(a.ws.id, a.mailbox.id, a.thread.id, 'x'));
    await t.db.insert(s.messages).values(message(b.ws.id, b.mailbox.id, b.thread.id, 'x'));
    await appendAuditEvent(t.db, {
      workspaceId: a.ws.id,
      actor: 'system:test',
      action: 'x',
      subjectType: 'workspace',
      subjectId: a.ws.id,
      occurredAt: new Date(),
    });
    await t.db.delete(s.workspaces).where(eq(s.workspaces.id, a.ws.id));
    expect(await t.db.select().from(s.messages).where(eq(s.messages.workspaceId, a.ws.id))).toHaveLength(0);
    expect(await t.db.select().from(s.auditEvents).where(eq(s.auditEvents.workspaceId, a.ws.id))).toHaveLength(0);
    expect(await t.db.select().from(s.messages).where(eq(s.messages.workspaceId, b.ws.id))).toHaveLength(1);
  });
});

describe('outgoing email guard', () => {
  let ctx: Awaited<ReturnType<typeof workspaceWithThread>>;
  beforeAll(async () => {
    ctx = await workspaceWithThread(t.db);
  });

  async function emailIn(state: (typeof outgoingEmailStates)[number]) {
    const id = randomUUID();
    // Written straight in the wanted state: the guard only watches updates.
    await t.db.insert(s.outgoingEmails).values({
      id,
      workspaceId: ctx.ws.id,
      clientId: ctx.client.id,
      mailboxId: ctx.mailbox.id,
      kind: 'nudge',
      locale: 'en',
      state,
      idempotencyKey: `k-${id}`,
      messageId: `${id}@firmly.test`,
      to: [{ address: 'client@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 't',
    });
    return id;
  }

  it('accepts exactly the transitions of the core state machine, for every pair of states', async () => {
    const allowed = new Set(allowedOutgoingEmailTransitions().map(([a, b]) => `${a}->${b}`));
    for (const from of outgoingEmailStates) {
      for (const to of outgoingEmailStates) {
        if (from === to) continue;
        const id = await emailIn(from);
        const attempt = t.db.update(s.outgoingEmails).set({ state: to }).where(eq(s.outgoingEmails.id, id));
        if (allowed.has(`${from}->${to}`)) await attempt;
        else expect((await pgError(attempt)).code, `${from}->${to}`).toBe('23514');
      }
    }
  });

  it('keeps the Message-ID fixed once written', async () => {
    const id = await emailIn('approved');
    expect((await pgError(t.db.update(s.outgoingEmails).set({ messageId: 'other@x' }).where(eq(s.outgoingEmails.id, id)))).code).toBe(
      '23514',
    );
  });

  it('drafts once per idempotency key', async () => {
    const id = await emailIn('pending_review');
    const [row] = await t.db.select().from(s.outgoingEmails).where(eq(s.outgoingEmails.id, id));
    if (!row) throw new Error('missing');
    const error = await pgError(
      t.db.insert(s.outgoingEmails).values({ ...row, id: randomUUID(), messageId: `${randomUUID()}@firmly.test` }),
    );
    expect(error.constraint).toBe('outgoing_emails_idempotency_key');
  });
});

describe('audit log', () => {
  it('chains events per workspace, and refuses updates and deletes', async () => {
    const { ws } = await workspaceWithThread(t.db);
    for (const action of ['client.created', 'ask.detected', 'email.approved']) {
      await appendAuditEvent(t.db, {
        workspaceId: ws.id,
        actor: 'system:test',
        action,
        subjectType: 'client',
        subjectId: 'c1',
        data: { action },
        occurredAt: new Date(),
      });
    }
    expect(await verifyAuditChain(t.db, ws.id)).toEqual({ ok: true, length: 3 });
    expect((await pgError(t.db.update(s.auditEvents).set({ action: 'forged' }).where(eq(s.auditEvents.workspaceId, ws.id)))).code).toBe(
      '42501',
    );
    expect((await pgError(t.db.delete(s.auditEvents).where(eq(s.auditEvents.workspaceId, ws.id)))).code).toBe('42501');
  });

  it('detects an edit made behind the application’s back', async () => {
    const { ws } = await workspaceWithThread(t.db);
    for (const n of [1, 2, 3]) {
      await appendAuditEvent(t.db, {
        workspaceId: ws.id,
        actor: 'system:test',
        action: `a${n}`,
        subjectType: 'x',
        subjectId: 'y',
        occurredAt: new Date(),
      });
    }
    // A superuser disabling the trigger is exactly the attack the chain exists for.
    await t.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await t.pool.query(`UPDATE audit_events SET data = '{"forged":true}' WHERE workspace_id = $1 AND seq = 2`, [ws.id]);
    await t.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    expect(await verifyAuditChain(t.db, ws.id)).toMatchObject({
      ok: false,
      brokenAtSeq: 2,
      reason: 'event content does not match its hash',
    });
  });

  it('keeps seq gap-free under concurrent appends', async () => {
    const { ws } = await workspaceWithThread(t.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction((tx) =>
          appendAuditEvent(tx, {
            workspaceId: ws.id,
            actor: 'system:test',
            action: `c${i}`,
            subjectType: 'x',
            subjectId: 'y',
            occurredAt: new Date(),
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(t.db, ws.id)).toEqual({ ok: true, length: 20 });
  });
});
