import { describe, expect, it } from 'vitest';
import { DAY, MONDAY_9, PREVIEW_CSP, reviewHarness, SATURDAY_NIGHT, WEDNESDAY_10 } from './review-harness';

const { clock, app, keyWith, workspace, draft, row, sendJobsFor, auditActions, get, post } = reviewHarness();

describe('the review queue API', () => {
  it('lists pending drafts oldest first, one page at a time, filtered by state, client and kind', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-list');
    const at = (hoursAgo: number) => new Date(WEDNESDAY_10.getTime() - hoursAgo * 3_600_000);
    const oldest = await draft(w, { createdAt: at(50) });
    const middle = await draft(w, {
      createdAt: at(30),
      kind: 'nudge',
      templateData: { asks: [{ sentence: 'Could you approve the calendar?', askedOn: '2026-10-29' }] },
    });
    const newest = await draft(w, { createdAt: at(2), clientId: w.otherClientId, threadId: null, subject: 'Invoice A-8' });
    const approved = await draft(w, { createdAt: at(60), state: 'approved', sendAfter: at(1) });

    const first = await get('/v1/review-queue?limit=2', w.auth);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([oldest.id, middle.id]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(`/v1/review-queue?limit=2&cursor=${page1.nextCursor}`, w.auth)).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: newest.id })], nextCursor: null });

    expect(page1.items[0]).toEqual({
      id: oldest.id,
      clientId: w.clientId,
      clientName: 'Northwind',
      kind: 'payment_reminder',
      state: 'pending_review',
      subject: 'Re: Spring campaign',
      cause: { type: 'late_payment', summary: 'Invoice A-7 overdue (due 2026-11-02)' },
      createdAt: at(50).toISOString(),
      ageSeconds: 50 * 3600,
      snoozedUntil: null,
      to: ['anna@northwind.example'],
      threadId: w.threadId,
      threadSubject: 'Spring campaign',
      // Wednesday 10:00 is inside London working hours: an approval now sends now.
      sendPlan: { earliestSendAt: WEDNESDAY_10.toISOString(), inThread: true, note: expect.stringContaining('Spring campaign') },
      rejectReason: null,
      sentAt: null,
    });
    expect(page1.items[1].cause).toEqual({
      type: 'unresponsive',
      summary: 'An ask unanswered since 2026-10-29: “Could you approve the calendar?”',
    });
    expect(page2.items[0]).toMatchObject({ clientName: 'Contoso', threadId: null, sendPlan: { inThread: false } });

    const byKind = (await get('/v1/review-queue?kind=nudge', w.auth)).json();
    expect(byKind.items.map((i: { id: string }) => i.id)).toEqual([middle.id]);
    const byClient = (await get(`/v1/review-queue?clientId=${w.otherClientId}`, w.auth)).json();
    expect(byClient.items.map((i: { id: string }) => i.id)).toEqual([newest.id]);
    const byState = (await get('/v1/review-queue?state=approved', w.auth)).json();
    expect(byState.items.map((i: { id: string }) => i.id)).toEqual([approved.id]);
    // A form's blank filters mean no filter.
    const blank = (await get('/v1/review-queue?state=&clientId=&kind=', w.auth)).json();
    expect(blank.items).toHaveLength(3);
  });

  it('refuses bad list input with problem+json naming the parameter', async () => {
    const w = await workspace('review-list-bad');
    const cursor = await get('/v1/review-queue?cursor=not-a-cursor', w.auth);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(cursor.json().invalidParams).toEqual([{ name: 'querystring.cursor', reason: expect.any(String) }]);
    const limit = await get('/v1/review-queue?limit=0', w.auth);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().invalidParams[0].name).toBe('querystring.limit');
    const kind = await get('/v1/review-queue?kind=love_letter', w.auth);
    expect(kind.json().invalidParams[0].name).toBe('querystring.kind');
  });

  it('shows one email with its parts, and the preview as sandboxed, uncached HTML', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-detail');
    const email = await draft(w, { html: '<html><body><p>Invoice A-7</p><img src="https://tracker.example/p.gif"></body></html>' });
    const detail = await get(`/v1/review-queue/${email.id}`, w.auth);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: email.id, text: email.text, html: email.html, state: 'pending_review' });

    const preview = await get(`/v1/review-queue/${email.id}/preview`, w.auth);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect(preview.headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect(preview.headers['cache-control']).toMatch(/no-store/);
    expect(preview.headers['cache-control']).toMatch(/private/);
    expect(preview.headers.vary).toMatch(/authorization/i);
    expect(preview.body).toBe(email.html);
  });

  it('approves: the send job is queued once, for the instant the send plan showed; approving again is a no-op', async () => {
    clock.set(SATURDAY_NIGHT);
    const w = await workspace('review-approve');
    const email = await draft(w);
    const plan = (await get(`/v1/review-queue/${email.id}`, w.auth)).json().sendPlan;
    expect(plan.earliestSendAt).toBe(MONDAY_9);

    const first = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      sendAfter: MONDAY_9,
      item: { id: email.id, state: 'approved', sendPlan: { earliestSendAt: MONDAY_9 } },
    });
    const jobs = await sendJobsFor(email.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.id).toBe(email.id);
    expect(jobs[0]?.data).toEqual({ workspaceId: w.workspaceId, outgoingEmailId: email.id });
    // Held until Monday 09:00 London time: 35 hours after Saturday 22:00.
    expect(jobs[0]?.opts.delay).toBe(35 * 3_600_000);

    clock.set(new Date(SATURDAY_NIGHT.getTime() + 60_000));
    const second = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(second.statusCode).toBe(200);
    expect(second.json().sendAfter).toBe(MONDAY_9);
    expect(await sendJobsFor(email.id)).toHaveLength(1);
    expect(await auditActions(email.id)).toEqual(['email.approved']);
    expect(await row(email.id)).toMatchObject({ state: 'approved', reviewedBy: w.operatorId });
  });

  it('answers 409 with the current state when the email has moved on', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-conflict');
    const cancelled = await draft(w, { state: 'cancelled', stateReason: 'invoice paid' });
    for (const [action, payload] of [
      ['approve', {}],
      ['reject', { reason: 'no' }],
      ['snooze', { until: new Date(WEDNESDAY_10.getTime() + DAY).toISOString() }],
      ['edit', { subject: 'New' }],
    ] as const) {
      const response = await post(`/v1/review-queue/${cancelled.id}/${action}`, w.auth, payload);
      expect(response.statusCode, action).toBe(409);
      expect(response.json()).toMatchObject({
        status: 409,
        state: 'cancelled',
        item: { id: cancelled.id, state: 'cancelled', sendPlan: { earliestSendAt: null } },
      });
    }
    expect(await sendJobsFor(cancelled.id)).toEqual([]);
  });

  it('rejects only with a reason, and keeps it', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-reject');
    const email = await draft(w);
    const missing = await post(`/v1/review-queue/${email.id}/reject`, w.auth, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().invalidParams[0].name).toBe('body.reason');
    const blank = await post(`/v1/review-queue/${email.id}/reject`, w.auth, { reason: '  \n ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().invalidParams).toEqual([{ name: 'body.reason', reason: 'a reason is required' }]);
    expect((await row(email.id)).state).toBe('pending_review');

    const rejected = await post(`/v1/review-queue/${email.id}/reject`, w.auth, { reason: ' wrong invoice ' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().item).toMatchObject({ state: 'rejected', rejectReason: 'wrong invoice', sendPlan: { earliestSendAt: null } });
    const approve = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().state).toBe('rejected');
    expect(await sendJobsFor(email.id)).toEqual([]);
  });

  it('snoozes a draft out of the queue until its time', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-snooze');
    const email = await draft(w);
    const until = new Date(WEDNESDAY_10.getTime() + 2 * DAY);
    const past = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: new Date(WEDNESDAY_10.getTime() - DAY).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams[0].name).toBe('body.until');
    const garbled = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: 'next tuesday' });
    expect(garbled.json().invalidParams[0].name).toBe('body.until');

    const snoozed = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: until.toISOString() });
    expect(snoozed.statusCode).toBe(200);
    expect(snoozed.json().item.snoozedUntil).toBe(until.toISOString());
    expect((await get('/v1/review-queue', w.auth)).json().items).toEqual([]);

    clock.set(new Date(until.getTime() - 1));
    expect((await get('/v1/review-queue', w.auth)).json().items).toEqual([]);
    clock.set(until);
    expect((await get('/v1/review-queue', w.auth)).json().items.map((i: { id: string }) => i.id)).toEqual([email.id]);
  });

  it('bulk-approves, reporting each id it could not approve', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-bulk');
    const theirs = await workspace('review-bulk-theirs');
    const a = await draft(w);
    const b = await draft(w);
    const rejected = await draft(w, { state: 'rejected', stateReason: 'no' });
    const foreign = await draft(theirs);
    const response = await post('/v1/review-queue/bulk-approve', w.auth, { ids: [a.id, rejected.id, foreign.id, b.id] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      approved: [a.id, b.id],
      problems: [
        { id: rejected.id, detail: expect.stringMatching(/rejected/) },
        { id: foreign.id, detail: expect.stringMatching(/no outgoing email/) },
      ],
    });
    expect(await sendJobsFor(a.id)).toHaveLength(1);
    expect(await sendJobsFor(b.id)).toHaveLength(1);
    expect(await sendJobsFor(foreign.id)).toEqual([]);
    expect((await row(foreign.id)).state).toBe('pending_review');

    const bad = await post('/v1/review-queue/bulk-approve', w.auth, { ids: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('body.ids.0');
    const empty = await post('/v1/review-queue/bulk-approve', w.auth, { ids: [] });
    expect(empty.json().invalidParams[0].name).toBe('body.ids');
  });

  it('lists every outgoing email newest first, in any state', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-history');
    const at = (hoursAgo: number) => new Date(WEDNESDAY_10.getTime() - hoursAgo * 3_600_000);
    const sent = await draft(w, { createdAt: at(40), state: 'sent', providerAcceptedAt: at(30), sendAfter: at(31) });
    const pending = await draft(w, { createdAt: at(3) });
    const cancelled = await draft(w, { createdAt: at(20), state: 'cancelled', stateReason: 'client answered', clientId: w.otherClientId });

    const first = (await get('/v1/emails?limit=2', w.auth)).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([pending.id, cancelled.id]);
    const second = (await get(`/v1/emails?limit=2&cursor=${first.nextCursor}`, w.auth)).json();
    expect(second).toEqual({
      items: [expect.objectContaining({ id: sent.id, state: 'sent', sentAt: at(30).toISOString() })],
      nextCursor: null,
    });
    expect(first.items[1].sendPlan.note).toMatch(/client answered/);
    const onlySent = (await get('/v1/emails?state=sent', w.auth)).json();
    expect(onlySent.items.map((i: { id: string }) => i.id)).toEqual([sent.id]);
    const ofClient = (await get(`/v1/emails?clientId=${w.otherClientId}`, w.auth)).json();
    expect(ofClient.items.map((i: { id: string }) => i.id)).toEqual([cancelled.id]);
  });

  it('answers 404 for another workspace’s ids on every route, and changes nothing there', async () => {
    clock.set(WEDNESDAY_10);
    const mine = await workspace('review-tenant-mine');
    const theirs = await workspace('review-tenant-theirs');
    const email = await draft(theirs);
    const id = email.id;
    const until = new Date(WEDNESDAY_10.getTime() + DAY).toISOString();
    const responses = [
      await get(`/v1/review-queue/${id}`, mine.auth),
      await get(`/v1/review-queue/${id}/preview`, mine.auth),
      await get(`/v1/review-queue?clientId=${theirs.clientId}`, mine.auth),
      await get(`/v1/emails?clientId=${theirs.clientId}`, mine.auth),
      await post(`/v1/review-queue/${id}/approve`, mine.auth),
      await post(`/v1/review-queue/${id}/edit`, mine.auth, { subject: 'mine now' }),
      await post(`/v1/review-queue/${id}/edit`, mine.auth, { text: 'mine now' }),
      await post(`/v1/review-queue/${id}/reject`, mine.auth, { reason: 'no' }),
      await post(`/v1/review-queue/${id}/snooze`, mine.auth, { until }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 404));
    for (const response of responses) expect(JSON.stringify(response.json())).not.toContain('Spring campaign');
    const bulk = (await post('/v1/review-queue/bulk-approve', mine.auth, { ids: [id] })).json();
    expect(bulk).toEqual({ approved: [], problems: [{ id, detail: expect.stringMatching(/no outgoing email/) }] });
    expect((await get('/v1/emails', mine.auth)).json().items).toEqual([]);
    expect(await row(id)).toEqual(email);
    expect(await sendJobsFor(id)).toEqual([]);
  });

  it('needs the review scope to act: a read-only key lists but gets 403 on approve', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-scopes');
    const email = await draft(w);
    const readOnly = await keyWith(w.workspaceId, w.operatorId, ['read']);
    expect((await get('/v1/review-queue', readOnly)).statusCode).toBe(200);
    const approve = await post(`/v1/review-queue/${email.id}/approve`, readOnly);
    expect(approve.statusCode).toBe(403);
    expect(approve.json()).toMatchObject({ requiredScope: 'review' });
    expect((await row(email.id)).state).toBe('pending_review');
    expect(await sendJobsFor(email.id)).toEqual([]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await app().inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of [
      '/v1/review-queue',
      '/v1/review-queue/{id}',
      '/v1/review-queue/{id}/preview',
      '/v1/review-queue/{id}/approve',
      '/v1/review-queue/{id}/edit',
      '/v1/review-queue/{id}/reject',
      '/v1/review-queue/{id}/snooze',
      '/v1/review-queue/bulk-approve',
      '/v1/emails',
      '/v1/events',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
