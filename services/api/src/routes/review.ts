import { approveEmail, bulkApprove, emailHistory, rejectEmail, reviewItemContexts, snoozeEmail } from '@firmly/db';
import { emailAttachments } from '@firmly/reports';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { BadRequest, NotFound } from '../errors';
import { commonErrors, IdParams, Instant, Problem, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';
import { editDraft } from '../review/edit-draft';
import { streamAuditEvents } from '../review/event-stream';
import { reviewProblem } from '../review/problems';
import { ReviewQueuePages } from '../review/queue-pages';
import { toReviewDetail } from '../review/review-item';
import { reviewRouteHelpers } from '../review/route-helpers';
import {
  BulkApproveAnswer,
  BulkApproveBody,
  EditBody,
  HistoryQuery,
  QueueQuery,
  RejectBody,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  SnoozeBody,
} from '../review/schemas';
import { queueApprovedSend } from '../review/send-queue';

type ReviewDeps = Pick<ApiDeps, 'db' | 'queues' | 'clock' | 'changes'>;

/** The preview is the draft's own HTML: shown in a sandboxed frame, with no script, no remote fetch but images. */
export const PREVIEW_CSP = "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'";

const TAGS = ['review'];
const actionErrors = { ...commonErrors, 409: Problem } as const;

/**
 * The operator's review queue under /v1 (contract "Review queue"): list, detail and preview of
 * drafts, the review actions (approve — which queues the send —, edit, reject, snooze, bulk
 * approve), the history of every outgoing email, and a live feed of the workspace's audit log.
 * Every query is scoped to the caller's workspace: another workspace's id is not found.
 */
export async function reviewRoutes(app: FastifyInstance, deps: ReviewDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams end when the server closes, or they would hold its close forever.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  const review = reviewRouteHelpers(deps.db);
  const queuePages = new ReviewQueuePages({ db: deps.db, changes: deps.changes?.reviewQueue ?? null });

  typed.get(
    '/review-queue',
    {
      schema: {
        tags: TAGS,
        summary: 'Drafts waiting for review, oldest first',
        querystring: QueueQuery,
        response: { 200: ReviewPage, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const { state, clientId, kind, limit, cursor } = request.query;
      const page = await queuePages.page(workspaceId, { state, clientId, kind, limit, cursor }, deps.clock.now(), () =>
        review.ownedClient(workspaceId, clientId),
      );
      if (!page.ok) throw reviewProblem(page, 'querystring');
      // Already JSON bytes, written from items checked against ReviewItem (see review/queue-pages.ts);
      // Fastify sends a Buffer as it is. The type provider types send() by the schema's object.
      return reply.type('application/json; charset=utf-8').send(page.json as unknown as z.infer<typeof ReviewPage>);
    },
  );

  typed.get(
    '/review-queue/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One outgoing email, with its text and HTML parts',
        params: IdParams,
        response: { 200: ReviewItemDetail, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const email = await review.ownedEmail(workspaceId, request.params.id);
      const now = deps.clock.now();
      const contexts = await reviewItemContexts(deps.db, workspaceId, [email], now);
      return toReviewDetail(email, contexts.get(email.id), now);
    },
  );

  typed.get(
    '/review-queue/:id/preview',
    {
      schema: {
        tags: TAGS,
        summary: 'The rendered HTML part, for a sandboxed iframe',
        description: `Served as text/html with \`Content-Security-Policy: ${PREVIEW_CSP}\`, never cached.`,
        params: IdParams,
        response: { 200: { content: { 'text/html': { schema: z.string().describe('the HTML part') } } }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const email = await review.ownedEmail(workspaceId, request.params.id);
      // One URL, a different draft (or none) per workspace and caller: no cache may keep it.
      // Vary is added to, not replaced: CORS may already vary on Origin.
      const vary = reply.getHeader('vary');
      return reply
        .header('content-security-policy', PREVIEW_CSP)
        .header('cache-control', 'private, no-store')
        .header('vary', [...(vary === undefined ? [] : [String(vary)]), 'Authorization', 'Cookie'].join(', '))
        .type('text/html; charset=utf-8')
        .send(email.html);
    },
  );

  typed.get(
    '/review-queue/:id/attachments/:filename',
    {
      schema: {
        tags: TAGS,
        summary: 'A file the email carries, made from the draft as it stands (the closing report’s PDF)',
        params: z.object({ id: Uuid, filename: z.string().max(200) }),
        response: { 200: { content: { 'application/pdf': { schema: z.string().describe('the file') } } }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const email = await review.ownedEmail(workspaceId, request.params.id);
      const file = (await emailAttachments(email)).find((attachment) => attachment.filename === request.params.filename);
      if (!file) throw new NotFound(`this email carries no file named ${request.params.filename}`);
      return (
        reply
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .type(file.contentType)
          // Fastify sends a Buffer as it is; the type provider types send() by the schema's binary string.
          .send(file.content as unknown as string)
      );
    },
  );

  typed.post(
    '/review-queue/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: 'Approve a draft: it is sent from the client’s next working instant',
        params: IdParams,
        response: { 200: z.object({ item: ReviewItem, sendAfter: Instant }), ...actionErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { id } = request.params;
      const now = deps.clock.now();
      const result = await approveEmail(deps.db, workspaceId, id, { now, operatorId });
      if (!result.ok) throw await review.refused(workspaceId, id, result, now);
      await queueApprovedSend(deps.queues, request.log, result, now);
      return { item: await review.itemOf(workspaceId, result.email, now), sendAfter: result.send.sendAfter.toISOString() };
    },
  );

  typed.post(
    '/review-queue/:id/edit',
    {
      schema: {
        tags: TAGS,
        summary: 'Edit a draft: its subject, its text in your own words, or its template facts; re-rendered and re-validated',
        params: IdParams,
        body: EditBody,
        response: { 200: z.object({ item: ReviewItem }), ...actionErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { id } = request.params;
      const { subject, text, data } = request.body;
      if (subject === undefined && text === undefined && data === undefined) {
        throw new BadRequest('nothing to change', [{ name: 'body', reason: 'give a subject, text or data' }]);
      }
      if (text !== undefined && data !== undefined) {
        throw new BadRequest('give your own text or template facts, not both', [{ name: 'body.data', reason: 'not together with text' }]);
      }
      const email = await review.ownedEmail(workspaceId, id);
      const now = deps.clock.now();
      return review.answer(workspaceId, id, await editDraft(deps.db, email, { subject, text, data }, { now, operatorId }), now);
    },
  );

  typed.post(
    '/review-queue/:id/reject',
    {
      schema: {
        tags: TAGS,
        summary: 'Reject a draft (or an approved email not sent yet), with the reason',
        params: IdParams,
        body: RejectBody,
        response: { 200: z.object({ item: ReviewItem }), ...actionErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { id } = request.params;
      const now = deps.clock.now();
      return review.answer(workspaceId, id, await rejectEmail(deps.db, workspaceId, id, request.body.reason, { now, operatorId }), now);
    },
  );

  typed.post(
    '/review-queue/:id/snooze',
    {
      schema: {
        tags: TAGS,
        summary: 'Hide a draft from the queue until an instant (at most 30 days ahead)',
        params: IdParams,
        body: SnoozeBody,
        response: { 200: z.object({ item: ReviewItem }), ...actionErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { id } = request.params;
      const now = deps.clock.now();
      const until = new Date(request.body.until);
      return review.answer(workspaceId, id, await snoozeEmail(deps.db, workspaceId, id, until, { now, operatorId }), now);
    },
  );

  typed.post(
    '/review-queue/bulk-approve',
    {
      schema: {
        tags: TAGS,
        summary: 'Approve several drafts at once; each id that cannot be approved is reported, the others are approved',
        body: BulkApproveBody,
        response: { 200: BulkApproveAnswer, ...actionErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const now = deps.clock.now();
      const outcome = await bulkApprove(deps.db, workspaceId, request.body.ids, { now, operatorId });
      if (!outcome.ok) throw reviewProblem(outcome, 'body');
      const approved: string[] = [];
      const problems: Array<{ id: string; detail: string }> = [];
      for (const { id, result } of outcome.results) {
        if (result.ok) {
          approved.push(id);
          await queueApprovedSend(deps.queues, request.log, result, now);
        } else {
          problems.push({ id, detail: result.detail });
        }
      }
      return { approved, problems };
    },
  );

  typed.get(
    '/emails',
    {
      schema: {
        tags: TAGS,
        summary: 'Every outgoing email, in any state, newest first',
        querystring: HistoryQuery,
        response: { 200: ReviewPage, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const { state, clientId, limit, cursor } = request.query;
      await review.ownedClient(workspaceId, clientId);
      const page = await emailHistory(deps.db, workspaceId, { state, clientId, limit, cursor });
      if (!page.ok) throw reviewProblem(page, 'querystring');
      const now = deps.clock.now();
      return { items: await review.itemsOf(workspaceId, page.items, now), nextCursor: page.nextCursor };
    },
  );

  typed.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: "Live tail of the workspace's audit log (server-sent events)",
        description:
          'text/event-stream: `event: audit` with `data: { id, action, subjectType, subjectId, occurredAt }` and `id: <seq>` ' +
          '(send it back as Last-Event-ID to resume), a `: keep-alive` comment every 15 s of quiet, and `retry:` for reconnects.',
        response: { 200: { content: { 'text/event-stream': { schema: z.string().describe('the event stream') } } }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      await streamAuditEvents(request, reply, { db: deps.db, workspaceId, stop: closing.signal });
    },
  );
}
