import { appendAuditEvent, type Database, schema } from '@firmly/db';

export const DEMO_WORKSPACE_SLUG = 'demo';

/**
 * The demo workspace `npm start` shows: an agency with one English and one
 * Hungarian client. Created once, in one transaction; later starts find it and
 * change nothing.
 */
export async function ensureDemoWorkspace(db: Database, now: Date): Promise<{ workspaceId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(schema.workspaces)
      .values({ slug: DEMO_WORKSPACE_SLUG, name: 'Demo Studio' })
      .onConflictDoNothing({ target: schema.workspaces.slug })
      .returning({ id: schema.workspaces.id });
    if (!workspace) {
      const existing = await tx.query.workspaces.findFirst({ where: (w, { eq }) => eq(w.slug, DEMO_WORKSPACE_SLUG) });
      if (!existing) throw new Error('demo workspace neither created nor found');
      return { workspaceId: existing.id, created: false };
    }
    const workspaceId = workspace.id;
    const [bakery, kovacs] = await tx
      .insert(schema.clients)
      .values([
        { workspaceId, name: 'Northwind Bakery', locale: 'en', timezone: 'Europe/London' },
        {
          workspaceId,
          name: 'Kovács és Társa Kft.',
          locale: 'hu',
          timezone: 'Europe/Budapest',
          workingCalendar: { workingDays: [1, 2, 3, 4, 5], startsAt: '08:30', endsAt: '16:30', country: 'HU' },
        },
      ])
      .returning({ id: schema.clients.id });
    if (!bakery || !kovacs) throw new Error('demo clients not created');
    await tx.insert(schema.clientContacts).values([
      { workspaceId, clientId: bakery.id, address: 'orders@northwind-bakery.example', name: 'Hannah Reed' },
      { workspaceId, clientId: kovacs.id, address: 'kovacs.anna@kovacs-tarsa.example', name: 'Kovács Anna' },
    ]);
    await tx.insert(schema.clientDomains).values([
      { workspaceId, clientId: bakery.id, domain: 'northwind-bakery.example' },
      { workspaceId, clientId: kovacs.id, domain: 'kovacs-tarsa.example' },
    ]);
    await tx.insert(schema.contracts).values([
      {
        workspaceId,
        clientId: bakery.id,
        title: 'Social media retainer',
        startsOn: '2026-01-01',
        dueRuleKind: 'day_of_month',
        dueRuleValue: 1,
        feeMinor: 120_000n,
        currency: 'GBP',
      },
      {
        workspaceId,
        clientId: kovacs.id,
        title: 'Közösségimédia-kezelés',
        startsOn: '2026-03-01',
        dueRuleKind: 'net_days',
        dueRuleValue: 14,
        feeMinor: 45_000_000n,
        currency: 'HUF',
      },
    ]);
    await appendAuditEvent(tx, {
      workspaceId,
      actor: 'system:all-in-one',
      action: 'workspace.created',
      subjectType: 'workspace',
      subjectId: workspaceId,
      data: { slug: DEMO_WORKSPACE_SLUG, demo: true },
      occurredAt: now,
    });
    return { workspaceId, created: true };
  });
}
