import { hashPassword } from '@firmly/config';
import { type Database, schema } from '@firmly/db';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const OWNER = { workspace: 'browser-studio', email: 'owner@browser-studio.example', password: 'a long enough test password' };

/** The local day `days` before `now`, as YYYY-MM-DD. */
function dayBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
}

/**
 * A workspace the console has something to show for: an owner who signs in with a password,
 * one client with three months of history (answered and open asks, paid and overdue invoices,
 * daily control scores, a health summary, two incidents, a managed account), four drafts waiting for review, and
 * two mailboxes, one of them needing to be reconnected.
 */
export async function seedConsoleWorkspace(db: Database, now: Date) {
  const [ws] = await db.insert(schema.workspaces).values({ slug: OWNER.workspace, name: 'Browser Studio' }).returning();
  if (!ws) throw new Error('no workspace');
  const workspaceId = ws.id;
  await db
    .insert(schema.operators)
    .values({ workspaceId, email: OWNER.email, name: 'Olga Owner', role: 'owner', passwordHash: await hashPassword(OWNER.password) });
  const [client] = await db
    .insert(schema.clients)
    .values({ workspaceId, name: 'Bakery & Sons', timezone: 'Europe/London', locale: 'en' })
    .returning();
  const [mailbox] = await db
    .insert(schema.mailboxes)
    .values({
      workspaceId,
      provider: 'gmail',
      address: 'studio@browser-studio.example',
      lastSyncedAt: new Date(now.getTime() - 5 * 60_000),
    })
    .returning();
  await db.insert(schema.mailboxes).values({
    workspaceId,
    provider: 'graph',
    address: 'billing@browser-studio.example',
    status: 'needs_reauth',
    statusReason: 'the grant was revoked',
  });
  if (!client || !mailbox) throw new Error('no client or mailbox');
  const clientId = client.id;
  await db.insert(schema.clientContacts).values({ workspaceId, clientId, address: 'owner@bakery.example' });
  const [thread] = await db
    .insert(schema.threads)
    .values({ workspaceId, mailboxId: mailbox.id, providerThreadId: 'th-spring', clientId, subject: 'Spring campaign' })
    .returning();
  if (!thread) throw new Error('no thread');

  await seedAsks(db, { workspaceId, clientId, mailboxId: mailbox.id, threadId: thread.id, now });
  await seedInvoices(db, { workspaceId, clientId, now });
  await db.insert(schema.controlSamples).values(
    Array.from({ length: 21 }, (_, index) => ({
      workspaceId,
      clientId,
      day: dayBefore(now, 20 - index),
      at: new Date(now.getTime() - (20 - index) * DAY),
      score: Math.min(100, 20 + index * 3),
    })),
  );
  await db.insert(schema.clientHealth).values({
    workspaceId,
    clientId,
    computedAt: now,
    controlScore: 80,
    openAsks: 1,
    responsiveness: {
      answered: 6,
      open: 1,
      medianLatencyHours: 9.5,
      p90LatencyHours: 30.2,
      withinSlaShare: 0.67,
      openAsks: [{ askId: 'open-ask', askedAt: new Date(now.getTime() - 4 * DAY).toISOString(), ageBusinessHours: 26, overSla: true }],
      blockedBusinessDays: 1.5,
      trend: { direction: 'worsening', recentMedianHours: 14, baselineMedianHours: 6 },
    },
    control: {
      score: 80,
      components: [
        { name: 'approval_demands', points: 45, measure: 5, detail: '5 per-item approval demands in 28 days' },
        { name: 'after_hours', points: 20, measure: 0.4, detail: '40 % of messages after hours' },
        { name: 'revisions', points: 15, measure: 4, detail: '4 revision rounds on one deliverable' },
      ],
      evidence: [
        { messageId: 'm-1', kind: 'approval_demand', quote: 'Send me every post before it goes out.', rule: 'en.approval.every-post' },
        { messageId: 'm-2', kind: 'approval_demand', quote: 'I need to approve this first.', rule: 'en.approval.first' },
      ],
      revisionsByThread: {},
      messagesInWindow: 24,
      afterHoursShare: 0.4,
    },
    payments: {
      invoices: [],
      recentDaysLate: [3, 7, 12],
      driftDaysPerCycle: 4.5,
      drifting: true,
      overdueMinor: { EUR: 180000 },
      oldestOverdueDays: 9,
      rating: 'drifting',
      reasons: ['paid 3, 7 and 12 days late over the last three invoices', 'INV-2026-003 is 9 days overdue'],
    },
  });
  await db.insert(schema.incidents).values({
    workspaceId,
    clientId,
    kind: 'late_payment',
    occurredAt: new Date(now.getTime() - 9 * DAY),
    summary: 'INV-2026-003 became overdue',
    evidence: { note: 'due date passed' },
    dedupeKey: 'late_payment:INV-2026-003',
  });
  // A second documented reason to choose from when ending the relationship, and an account to hand over.
  await db.insert(schema.incidents).values({
    workspaceId,
    clientId,
    kind: 'control_episode',
    occurredAt: new Date(now.getTime() - 12 * DAY),
    summary: '5 per-item approval demands in 28 days',
    evidence: { quotes: ['Send me every post before it goes out.'] },
    dedupeKey: 'control_episode:approval-demands',
  });
  await db.insert(schema.managedAccounts).values({
    workspaceId,
    clientId,
    platform: 'meta_business_suite',
    handle: 'Bakery & Sons (Facebook page)',
    accessLevel: 'Admin',
    owner: 'operator',
  });

  const drafts = await seedDrafts(db, { workspaceId, clientId, mailboxId: mailbox.id, threadId: thread.id, now });
  return { workspaceId, clientId, drafts };
}

async function seedAsks(
  db: Database,
  ids: { workspaceId: string; clientId: string; mailboxId: string; threadId: string; now: Date },
): Promise<void> {
  const { workspaceId, clientId, mailboxId, threadId, now } = ids;
  // Six answered asks over ten weeks, slower lately, and one still open.
  const latencies = [4, 6, 5, 12, 20, 30];
  for (const [index, latencyHours] of latencies.entries()) {
    const askedAt = new Date(now.getTime() - (70 - index * 11) * DAY);
    const answeredAt = new Date(askedAt.getTime() + latencyHours * HOUR);
    const [ask, answer] = await db
      .insert(schema.messages)
      .values([
        {
          workspaceId,
          mailboxId,
          threadId,
          providerMessageId: `ask-${index}`,
          direction: 'outbound',
          sentAt: askedAt,
          visibleText: `Could you send the copy for week ${index + 1}?`,
        },
        {
          workspaceId,
          mailboxId,
          threadId,
          providerMessageId: `answer-${index}`,
          direction: 'inbound',
          sentAt: answeredAt,
          visibleText: 'Here.',
        },
      ])
      .returning();
    if (!ask || !answer) throw new Error('no messages');
    await db.insert(schema.asks).values({
      workspaceId,
      clientId,
      threadId,
      messageId: ask.id,
      askedAt,
      sentence: `Could you send the copy for week ${index + 1}?`,
      source: 'detected',
      status: 'answered',
      answeredAt,
      answeredByMessageId: answer.id,
    });
  }
  const askedAt = new Date(now.getTime() - 4 * DAY);
  const [open] = await db
    .insert(schema.messages)
    .values({
      workspaceId,
      mailboxId,
      threadId,
      providerMessageId: 'ask-open',
      direction: 'outbound',
      sentAt: askedAt,
      visibleText: 'Please confirm the final logo by Friday.',
    })
    .returning();
  if (!open) throw new Error('no open ask message');
  await db.insert(schema.asks).values({
    workspaceId,
    clientId,
    threadId,
    messageId: open.id,
    askedAt,
    sentence: 'Please confirm the final logo by Friday.',
    source: 'detected',
    status: 'open',
  });
}

async function seedInvoices(db: Database, ids: { workspaceId: string; clientId: string; now: Date }): Promise<void> {
  const { workspaceId, clientId, now } = ids;
  const invoices = [
    { number: 'INV-2026-001', dueDaysAgo: 70, paidLate: 3 },
    { number: 'INV-2026-002', dueDaysAgo: 40, paidLate: 7 },
    { number: 'INV-2026-003', dueDaysAgo: 9, paidLate: null },
  ];
  for (const invoice of invoices) {
    const [row] = await db
      .insert(schema.invoices)
      .values({
        workspaceId,
        clientId,
        number: invoice.number,
        amountMinor: 180000n,
        currency: 'EUR',
        issuedOn: dayBefore(now, invoice.dueDaysAgo + 14),
        dueOn: dayBefore(now, invoice.dueDaysAgo),
        source: 'api',
      })
      .returning();
    if (!row) throw new Error('no invoice');
    if (invoice.paidLate !== null) {
      await db.insert(schema.payments).values({
        workspaceId,
        invoiceId: row.id,
        amountMinor: 180000n,
        currency: 'EUR',
        paidOn: dayBefore(now, invoice.dueDaysAgo - invoice.paidLate),
        reference: `bank-${invoice.number}`,
        source: 'api',
      });
    }
  }
}

async function seedDrafts(
  db: Database,
  ids: { workspaceId: string; clientId: string; mailboxId: string; threadId: string; now: Date },
): Promise<Array<{ id: string; subject: string }>> {
  const { workspaceId, clientId, mailboxId, threadId, now } = ids;
  const drafts = [
    {
      kind: 'payment_reminder' as const,
      subject: 'Re: Spring campaign — invoice INV-2026-003',
      body: 'Hello, this may have slipped through: invoice INV-2026-003 (1,800.00 EUR) was due nine days ago.',
      templateData: { invoices: [{ number: 'INV-2026-003', dueOn: dayBefore(now, 9) }] },
      ageHours: 50,
    },
    {
      kind: 'nudge' as const,
      subject: 'Re: Spring campaign — the final logo',
      body: 'Hello, a gentle reminder: we are waiting for your confirmation of the final logo.',
      templateData: { asks: [{ sentence: 'Please confirm the final logo by Friday.', askedOn: dayBefore(now, 4) }] },
      ageHours: 20,
    },
    {
      kind: 'expectations_reset' as const,
      subject: 'Re: Spring campaign — how we work together',
      body: 'Hello, approving every post one by one slows the work down; we propose one weekly approval of the content calendar.',
      templateData: { examples: [{ quote: 'Send me every post before it goes out.' }] },
      ageHours: 3,
    },
    {
      kind: 'custom' as const,
      subject: 'Re: Spring campaign — the April schedule',
      body: 'Hello, here is the schedule for April, as promised.',
      templateData: {},
      ageHours: 1,
    },
  ];
  const rows = [];
  for (const [index, draft] of drafts.entries()) {
    const [row] = await db
      .insert(schema.outgoingEmails)
      .values({
        workspaceId,
        clientId,
        mailboxId,
        threadId,
        kind: draft.kind,
        locale: 'en',
        idempotencyKey: `browser:${index}`,
        messageId: `<browser-${index}@firmly.test>`,
        to: [{ address: 'owner@bakery.example' }],
        subject: draft.subject,
        html: `<!doctype html><html><body style="font-family: Georgia, serif; padding: 16px"><p>${draft.body}</p><p>Best regards,<br>Browser Studio</p></body></html>`,
        text: `${draft.body}\n\nBest regards,\nBrowser Studio`,
        templateData: draft.templateData,
        createdAt: new Date(now.getTime() - draft.ageHours * HOUR),
      })
      .returning();
    if (!row) throw new Error('no draft');
    rows.push({ id: row.id, subject: row.subject });
  }
  return rows;
}
