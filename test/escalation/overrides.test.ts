import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { editEmail, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { builtInTemplateSources } from '@firmly/templates';
import { type ProcessorDeps, rendererForEdit, saveTemplateOverride } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderClient } from '../support/ladder-client';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');

describe("a workspace's own wording", () => {
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(new Date('2026-11-04T10:00:00Z'));

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
  });
  afterAll(async () => {
    await queues?.close();
  });

  it('is refused with the line of the problem, and once valid, the ladder writes with it', async () => {
    const setup = await ladderClient(t.db, { slug: 'wording', invoice: { number: 'W-1', amountMinor: 10_000n, currency: 'GBP' } });
    const ws = { id: setup.workspaceId };
    const client = { id: setup.clientId };
    const operator = { id: setup.operatorId };
    const ctx = { now: clock.now(), operatorId: operator.id };
    const ours = builtInTemplateSources('payment_reminder', 'en');

    const typo = ours.mjml.replace('{{clientName}}', '{{clientNmae}}');
    const refused = await saveTemplateOverride(t.db, ws.id, 'payment_reminder', 'en', { mjml: typo }, ctx);
    if (refused.ok) throw new Error('an unknown placeholder was accepted');
    expect(refused.errors[0]?.message).toMatch(/clientNmae/);
    expect(refused.errors[0]?.line).toBe(typo.split('\n').findIndex((line) => line.includes('{{clientNmae}}')) + 1);
    expect(await t.db.select().from(schema.templateOverrides).where(eq(schema.templateOverrides.workspaceId, ws.id))).toEqual([]);

    const ownWording = 'A friendly reminder from our studio about the invoice below.';
    const mine = {
      mjml: ours.mjml.replace(/<mj-text[^>]*>[^<]*slipped through[^<]*<\/mj-text>/, `<mj-text>${ownWording}</mj-text>`),
      text: ours.text.replace(/^.*slipped through.*$/m, ownWording),
    };
    expect(mine.mjml).toContain(ownWording);
    expect(await saveTemplateOverride(t.db, ws.id, 'payment_reminder', 'en', mine, ctx)).toEqual({ ok: true });

    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    const [draft] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, ws.id));
    expect(draft?.html).toContain(ownWording);
    expect(draft?.text).toContain(ownWording);
    expect(draft?.text).toContain('W-1');

    // The operator edits the draft's facts in the review queue: re-rendered with the same wording.
    const edited = await editEmail(
      t.db,
      ws.id,
      draft?.id ?? '',
      { data: { paymentDetails: 'Sort code 12-34-56, account 12345678' } },
      rendererForEdit(t.db, ws.id),
      ctx,
    );
    expect(edited.ok).toBe(true);
    const [after] = await t.db
      .select()
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.id, draft?.id ?? ''));
    expect(after?.text).toContain('Sort code 12-34-56, account 12345678');
    expect(after?.text).toContain('W-1');
    expect(after?.html).toContain(ownWording);
  });
});
