/**
 * What every review route needs around the repo calls: the caller's emails and clients
 * (another workspace's are not found), items with their context, and refusals as answers.
 */
import { type Database, type OutgoingEmailRow, type ReviewProblem, type ReviewResult, reviewItemContexts, schema } from '@firmly/db';
import { and, eq } from 'drizzle-orm';
import { type HttpProblem, NotFound } from '../errors';
import { reviewProblem } from './problems';
import { toReviewItem } from './review-item';

export function reviewRouteHelpers(db: Database) {
  async function itemsOf(workspaceId: string, emails: OutgoingEmailRow[], now: Date) {
    const contexts = await reviewItemContexts(db, workspaceId, emails, now);
    return emails.map((email) => toReviewItem(email, contexts.get(email.id), now));
  }

  async function itemOf(workspaceId: string, email: OutgoingEmailRow, now: Date) {
    const [item] = await itemsOf(workspaceId, [email], now);
    if (!item) throw new Error('an item went missing while being presented');
    return item;
  }

  async function findEmail(workspaceId: string, id: string): Promise<OutgoingEmailRow | undefined> {
    const [email] = await db
      .select()
      .from(schema.outgoingEmails)
      .where(and(eq(schema.outgoingEmails.workspaceId, workspaceId), eq(schema.outgoingEmails.id, id)));
    return email;
  }

  async function ownedEmail(workspaceId: string, id: string): Promise<OutgoingEmailRow> {
    const email = await findEmail(workspaceId, id);
    if (!email) throw new NotFound(`no outgoing email ${id} in this workspace`);
    return email;
  }

  /** A client filter naming another workspace's client is not found (rather than an empty list). */
  async function ownedClient(workspaceId: string, clientId: string | undefined): Promise<void> {
    if (clientId === undefined) return;
    const [client] = await db
      .select({ id: schema.clients.id })
      .from(schema.clients)
      .where(and(eq(schema.clients.workspaceId, workspaceId), eq(schema.clients.id, clientId)));
    if (!client) throw new NotFound(`no client ${clientId} in this workspace`);
  }

  /** A refused action; a conflict carries the email as it is now, so the console can show what happened. */
  async function refused(workspaceId: string, id: string, problem: ReviewProblem, now: Date): Promise<HttpProblem> {
    if (problem.problem !== 'conflict') return reviewProblem(problem, 'body');
    const current = await findEmail(workspaceId, id);
    return reviewProblem(problem, 'body', current ? await itemOf(workspaceId, current, now) : undefined);
  }

  /** `{ item }` of a successful action, or its refusal thrown. */
  async function answer(workspaceId: string, id: string, result: ReviewResult, now: Date) {
    if (!result.ok) throw await refused(workspaceId, id, result, now);
    return { item: await itemOf(workspaceId, result.email, now) };
  }

  return { itemsOf, itemOf, ownedEmail, ownedClient, refused, answer };
}
