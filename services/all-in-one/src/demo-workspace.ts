import { hashPassword } from '@firmly/config';
import { appendAuditEvent, type Database, type Executor, schema } from '@firmly/db';
import { and, eq, sql } from 'drizzle-orm';
import { DEMO_OWNER, DEMO_WORKSPACE_NAME, DEMO_WORKSPACE_SLUG, type DemoClientKey, demoClientKeys, demoClients } from './demo-clients';
import { recordDemoControlHistory } from './demo-control-history';
import { recordDemoLedger } from './demo-ledger';
import { generateDemoPassword } from './demo-password';
import { demoRecords } from './demo-records';
import { DemoTimeline, shiftDay } from './demo-timeline';

export { DEMO_WORKSPACE_SLUG } from './demo-clients';

export interface DemoWorkspace {
  workspaceId: string;
  /** True only on the start that created it: everything was seeded then, in one transaction. */
  created: boolean;
  /** The first start: the demo's mail, invoices and history are dated relative to it. */
  anchor: Date;
  owner: { email: string; hasPassword: boolean };
  /** The owner's generated password, only on the start that created it (stored hashed; shown once). */
  password?: string;
}

const ACTOR = 'system:demo';

/**
 * The demo workspace `npm start` shows while no mailbox provider is configured: a studio
 * labelled "Demo —" (`settings.demo = true`), its owner with a generated password, and four
 * clients — responsive, unresponsive, controlling, a drifting late payer — with their
 * contracts, invoices, payments and control-score history. Created once, in one transaction;
 * later starts find it and change nothing. Its mail lives in the sandbox (demo-mailbox.ts).
 */
export async function ensureDemoWorkspace(db: Database, now: Date): Promise<DemoWorkspace> {
  const existing = await existingDemo(db);
  if (existing) return existing;
  const password = generateDemoPassword();
  // scrypt before the transaction: it takes a moment, and a lock held meanwhile helps no one.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<DemoWorkspace> => {
    const [workspace] = await tx
      .insert(schema.workspaces)
      .values({ slug: DEMO_WORKSPACE_SLUG, name: DEMO_WORKSPACE_NAME, settings: { demo: true }, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: schema.workspaces.slug })
      .returning({ id: schema.workspaces.id });
    if (!workspace) {
      // Another process created it a moment ago: theirs stands.
      const theirs = await existingDemo(tx);
      if (!theirs) throw new Error('demo workspace neither created nor found');
      return theirs;
    }
    const workspaceId = workspace.id;
    await appendAuditEvent(tx, {
      workspaceId,
      actor: ACTOR,
      action: 'workspace.created',
      subjectType: 'workspace',
      subjectId: workspaceId,
      data: { slug: DEMO_WORKSPACE_SLUG, name: DEMO_WORKSPACE_NAME, demo: true },
      occurredAt: now,
    });
    const [owner] = await tx
      .insert(schema.operators)
      .values({ workspaceId, email: DEMO_OWNER.email, name: DEMO_OWNER.name, role: 'owner', passwordHash, createdAt: now, updatedAt: now })
      .returning({ id: schema.operators.id });
    if (!owner) throw new Error('demo owner not created');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: ACTOR,
      action: 'operator.created',
      subjectType: 'operator',
      subjectId: owner.id,
      data: { email: DEMO_OWNER.email, name: DEMO_OWNER.name, role: 'owner' },
      occurredAt: now,
    });
    const { clientIds, contractIds } = await createClients(tx, workspaceId, now);
    await recordDemoLedger(tx, { workspaceId, anchor: now, clientIds, contractIds });
    await recordDemoControlHistory(tx, { workspaceId, clientId: clientIds.controlling, anchor: now });
    return { workspaceId, created: true, anchor: now, owner: { email: DEMO_OWNER.email, hasPassword: true }, password };
  });
}

async function existingDemo(tx: Executor): Promise<DemoWorkspace | undefined> {
  const [workspace] = await tx
    .select({ id: schema.workspaces.id, createdAt: schema.workspaces.createdAt })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.slug, DEMO_WORKSPACE_SLUG));
  if (!workspace) return undefined;
  const [owner] = await tx
    .select({ email: schema.operators.email, passwordHash: schema.operators.passwordHash })
    .from(schema.operators)
    .where(and(eq(schema.operators.workspaceId, workspace.id), eq(sql`lower(${schema.operators.email})`, DEMO_OWNER.email)));
  return {
    workspaceId: workspace.id,
    created: false,
    anchor: workspace.createdAt,
    owner: { email: owner?.email ?? DEMO_OWNER.email, hasPassword: Boolean(owner?.passwordHash) },
  };
}

async function createClients(tx: Executor, workspaceId: string, now: Date) {
  const clientIds = {} as Record<DemoClientKey, string>;
  const contractIds = {} as Record<DemoClientKey, string>;
  for (const key of demoClientKeys) {
    const client = demoClients[key];
    const { timezone, ...workingCalendar } = client.calendar;
    const [row] = await tx
      .insert(schema.clients)
      .values({ workspaceId, name: client.name, locale: client.locale, timezone, workingCalendar, createdAt: now, updatedAt: now })
      .returning({ id: schema.clients.id });
    if (!row) throw new Error(`demo client ${client.name} not created`);
    clientIds[key] = row.id;
    await tx
      .insert(schema.clientContacts)
      .values({ workspaceId, clientId: row.id, address: client.contact.address, name: client.contact.name });
    await tx.insert(schema.clientDomains).values({ workspaceId, clientId: row.id, domain: client.domain });
    const [contract] = await tx
      .insert(schema.contracts)
      .values({
        workspaceId,
        clientId: row.id,
        title: client.contract.title,
        // Long enough ago to cover every invoice of the demo's ledger.
        startsOn: shiftDay(new DemoTimeline(now, client.calendar).today, -200),
        dueRuleKind: client.contract.dueRule.kind,
        dueRuleValue: client.contract.dueRule.value,
        feeMinor: client.contract.feeMinor,
        currency: client.contract.currency,
      })
      .returning({ id: schema.contracts.id });
    if (!contract) throw new Error(`demo contract of ${client.name} not created`);
    contractIds[key] = contract.id;
    const records = demoRecords[key];
    const today = new DemoTimeline(now, client.calendar).today;
    await tx.insert(schema.workLogEntries).values(
      records.work.map((entry) => ({
        workspaceId,
        clientId: row.id,
        doneOn: shiftDay(today, -entry.daysAgo),
        title: entry.title,
        ...(entry.outcome ? { outcome: entry.outcome } : {}),
      })),
    );
    await tx.insert(schema.managedAccounts).values(records.accounts.map((account) => ({ workspaceId, clientId: row.id, ...account })));
    await appendAuditEvent(tx, {
      workspaceId,
      actor: ACTOR,
      action: 'client.created',
      subjectType: 'client',
      subjectId: row.id,
      data: { name: client.name, locale: client.locale, timezone, demoPattern: key },
      occurredAt: now,
    });
  }
  return { clientIds, contractIds };
}
