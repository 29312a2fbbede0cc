import { schema } from '@firmly/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ladderClient } from '../support/ladder-client';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';
import { reviewHarness, WEDNESDAY_10 } from './review-harness';

const { t, log, clock, queues, keyWith, workspace, draft, auditActions, get, post } = reviewHarness();

describe('editing a drafted letter', () => {
  it('re-renders the template with edited facts, takes the operator’s own text, and never re-renders over it', async () => {
    clock.set(WEDNESDAY_10);
    const setup = await ladderClient(t.db, { slug: 'review-edit', invoice: { number: 'E-1', amountMinor: 125_050n, currency: 'EUR' } });
    const auth = await keyWith(setup.workspaceId, setup.operatorId, ['read', 'review']);
    const worker = workerDeps({ db: t.db, queues: queues(), log, clock, settings: sandboxSettings({}) });
    await runJob(worker, 'escalate', 'client.escalate', { workspaceId: setup.workspaceId, clientId: setup.clientId });
    const [drafted] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, setup.workspaceId));
    if (!drafted) throw new Error('the ladder drafted nothing');
    const id = drafted.id;
    expect((await get(`/v1/review-queue/${id}`, auth)).json().cause).toEqual({
      type: 'late_payment',
      summary: 'Invoice E-1 overdue (due 2026-11-02)',
    });

    const facts = await post(`/v1/review-queue/${id}/edit`, auth, { data: { paymentDetails: 'IBAN GB29 NWBK 6016 1331 9268 19' } });
    expect(facts.statusCode).toBe(200);
    const afterFacts = (await get(`/v1/review-queue/${id}`, auth)).json();
    expect(afterFacts.text).toContain('IBAN GB29 NWBK 6016 1331 9268 19');
    expect(afterFacts.html).toContain('IBAN GB29 NWBK 6016 1331 9268 19');
    expect(afterFacts.text).toContain('E-1');

    const broken = await post(`/v1/review-queue/${id}/edit`, auth, { data: { invoices: 'not a list' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().invalidParams[0].name).toBe('body.data');

    const own = 'Dear Bakery,\r\nInvoice E-1 is still open.\n\n\n\nPlease pay <b>this week</b>.\n\nThanks, Owner';
    const rewritten = await post(`/v1/review-queue/${id}/edit`, auth, { text: own });
    expect(rewritten.statusCode).toBe(200);
    const afterText = (await get(`/v1/review-queue/${id}`, auth)).json();
    expect(afterText.text).toBe('Dear Bakery,\nInvoice E-1 is still open.\n\nPlease pay <b>this week</b>.\n\nThanks, Owner\n');
    expect(afterText.html).toContain('Please pay &lt;b&gt;this week&lt;/b&gt;.');
    expect(afterText.html).not.toContain('<b>this week');
    expect(afterText.html).not.toContain('IBAN');

    // The facts no longer describe the text: changing them would throw the operator's words away.
    const refused = await post(`/v1/review-queue/${id}/edit`, auth, { data: { paymentDetails: 'other' } });
    expect(refused.statusCode).toBe(409);
    const retitled = await post(`/v1/review-queue/${id}/edit`, auth, { subject: 'Invoice E-1\r\nBcc: all@evil.example' });
    expect(retitled.json().item.subject).toBe('Invoice E-1 Bcc: all@evil.example');
    expect((await get(`/v1/review-queue/${id}`, auth)).json().text).toBe(afterText.text);

    for (const [payload, field] of [
      [{}, 'body'],
      [{ text: ' \n ' }, 'body.text'],
      [{ subject: '\r\n' }, 'body.subject'],
      [{ text: 'x', data: { a: 1 } }, 'body.data'],
      [{ html: '<script>' }, 'body'],
    ] as const) {
      const response = await post(`/v1/review-queue/${id}/edit`, auth, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().invalidParams[0].name, JSON.stringify(payload)).toBe(field);
    }
    expect((await auditActions(id)).filter((a) => a === 'email.edited')).toHaveLength(3);
  });
  it('edits an email the operator wrote (no template) as their own text', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-edit-custom');
    const email = await draft(w, { kind: 'custom', templateData: null, text: 'Hello Anna,\n\nsee you Monday.\n', html: '<p>Hello</p>' });
    const retitled = await post(`/v1/review-queue/${email.id}/edit`, w.auth, { subject: 'Monday' });
    expect(retitled.statusCode).toBe(200);
    expect(retitled.json().item).toMatchObject({ subject: 'Monday', cause: { type: 'operator', summary: 'Written by the operator' } });
    const detail = (await get(`/v1/review-queue/${email.id}`, w.auth)).json();
    expect(detail.text).toBe('Hello Anna,\n\nsee you Monday.\n');
    expect(detail.html).toContain('see you Monday.');
    const facts = await post(`/v1/review-queue/${email.id}/edit`, w.auth, { data: { amount: 1 } });
    expect(facts.statusCode).toBe(409);
    expect(facts.json()).toMatchObject({ state: 'pending_review', item: { id: email.id } });
  });
});
