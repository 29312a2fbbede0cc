/**
 * Writing a draft into the review queue: where it goes (the thread's mailbox and headers, or the
 * workspace's first active mailbox), to whom (the client's contacts), its rendering (with the
 * workspace's template override), the row — once per idempotency key — and its audit event.
 * The ladders (apply.ts) and the offboarding letters (offboarding/) draft through here.
 */
import { randomUUID } from 'node:crypto';
import { appendAuditEvent, type Executor, schema } from '@firmly/db';
import { type EmailLocale, renderEmail } from '@firmly/templates';
import { and, desc, eq } from 'drizzle-orm';
import type { DraftInput } from './template-data';
import { overrideFor } from './template-overrides';

export function localeOf(locale: string): EmailLocale {
  return locale.toLowerCase().startsWith('hu') ? 'hu' : 'en';
}

/** Where the draft is written: the thread's mailbox and its latest message's headers, or the workspace's first active mailbox. */
async function placement(db: Executor, workspaceId: string, threadId: string | undefined) {
  if (threadId) {
    const [thread] = await db
      .select()
      .from(schema.threads)
      .where(and(eq(schema.threads.workspaceId, workspaceId), eq(schema.threads.id, threadId)));
    if (thread) {
      const [latest] = await db
        .select({ internetMessageId: schema.messages.internetMessageId, references: schema.messages.references })
        .from(schema.messages)
        .where(and(eq(schema.messages.workspaceId, workspaceId), eq(schema.messages.threadId, threadId)))
        .orderBy(desc(schema.messages.sentAt))
        .limit(1);
      const references = [...(latest?.references ?? []), ...(latest?.internetMessageId ? [latest.internetMessageId] : [])];
      return {
        mailboxId: thread.mailboxId,
        threadId: thread.id,
        subject: thread.subject ?? undefined,
        inReplyTo: latest?.internetMessageId ?? null,
        references,
      };
    }
  }
  const [mailbox] = await db
    .select({ id: schema.mailboxes.id })
    .from(schema.mailboxes)
    .where(and(eq(schema.mailboxes.workspaceId, workspaceId), eq(schema.mailboxes.status, 'active')))
    .orderBy(schema.mailboxes.createdAt)
    .limit(1);
  return mailbox ? { mailboxId: mailbox.id, threadId: null, subject: undefined, inReplyTo: null, references: [] as string[] } : undefined;
}

async function recipients(db: Executor, workspaceId: string, clientId: string) {
  const contacts = await db
    .select({ address: schema.clientContacts.address, name: schema.clientContacts.name })
    .from(schema.clientContacts)
    .where(and(eq(schema.clientContacts.workspaceId, workspaceId), eq(schema.clientContacts.clientId, clientId)));
  return contacts.map((c) => ({ address: c.address, ...(c.name ? { name: c.name } : {}) }));
}

export interface DraftToInsert {
  workspaceId: string;
  clientId: string;
  /** The thread to answer in; without one (or when it is gone) a new conversation. */
  threadId?: string | undefined;
  locale: string;
  input: DraftInput;
  idempotencyKey: string;
  stepKey?: string | null | undefined;
  /** The ladder run it belongs to, created only once the draft is sure to be written. */
  escalationId?: (() => Promise<string>) | undefined;
  coversAskIds?: string[];
  actor: string;
  auditData: Record<string, unknown>;
  now: Date;
}

export async function insertDraft(db: Executor, draft: DraftToInsert): Promise<{ id: string } | { skipped: string }> {
  const { workspaceId, clientId } = draft;
  const where = await placement(db, workspaceId, draft.threadId);
  if (!where) return { skipped: 'no active mailbox to send from' };
  const to = await recipients(db, workspaceId, clientId);
  if (to.length === 0) return { skipped: 'the client has no contact address' };
  const [mailbox] = await db
    .select({ address: schema.mailboxes.address })
    .from(schema.mailboxes)
    .where(eq(schema.mailboxes.id, where.mailboxId));
  const locale = localeOf(draft.locale);
  const override = await overrideFor(db, workspaceId, draft.input.kind, locale);
  // `input` pairs each kind with its data; TypeScript cannot follow that pairing through the generic call.
  const rendered = await renderEmail(draft.input.kind, locale, draft.input.data as never, {
    ...(where.subject ? { threadSubject: where.subject } : {}),
    ...(override ? { override } : {}),
  });
  const escalationId = draft.escalationId ? await draft.escalationId() : null;
  const domain = mailbox?.address.split('@')[1] ?? 'firmly.invalid';
  const [row] = await db
    .insert(schema.outgoingEmails)
    .values({
      workspaceId,
      clientId,
      mailboxId: where.mailboxId,
      threadId: where.threadId,
      escalationId,
      kind: draft.input.kind,
      locale,
      idempotencyKey: draft.idempotencyKey,
      stepKey: draft.stepKey ?? null,
      coversAskIds: draft.coversAskIds ?? [],
      templateData: JSON.parse(JSON.stringify(draft.input.data)) as Record<string, unknown>,
      messageId: `${randomUUID()}@${domain}`,
      inReplyTo: where.inReplyTo,
      references: where.references,
      to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    })
    .onConflictDoNothing()
    .returning({ id: schema.outgoingEmails.id });
  if (!row) return { skipped: 'already drafted' };
  await appendAuditEvent(db, {
    workspaceId,
    actor: draft.actor,
    action: 'email.drafted',
    subjectType: 'outgoing_email',
    subjectId: row.id,
    data: draft.auditData,
    occurredAt: draft.now,
  });
  return { id: row.id };
}
