import { randomBytes } from 'node:crypto';
import type { EncryptionKeys } from '@firmly/config';
import { type Database, schema } from '@firmly/db';
import { composeMime, sealGrant } from '@firmly/mail';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import { and, eq, inArray } from 'drizzle-orm';
import { DEMO_MAILBOX, DEMO_OWNER, DEMO_WORKSPACE_NAME, DEMO_WORKSPACE_SLUG, demoClients } from './demo-clients';
import { demoMessageId, type PlacedMessage, placedDemoMail } from './demo-placed-mail';

export { DEMO_MAILBOX } from './demo-clients';

function nameOf(address: string): string | undefined {
  if (address === DEMO_MAILBOX) return `${DEMO_OWNER.name} (${DEMO_WORKSPACE_NAME})`;
  return Object.values(demoClients).find((c) => c.contact.address === address)?.contact.name;
}

async function rawOf(message: PlacedMessage): Promise<Buffer> {
  const fromName = nameOf(message.from);
  const toName = nameOf(message.to);
  return composeMime({
    from: { address: message.from, ...(fromName ? { name: fromName } : {}) },
    to: [{ address: message.to, ...(toName ? { name: toName } : {}) }],
    subject: message.subject,
    text: message.text,
    html: `<p>${escapeHtml(message.text).replaceAll('\n', '<br>')}</p>`,
    messageId: demoMessageId(message.id),
    ...(message.replyTo ? { inReplyTo: demoMessageId(message.replyTo), references: [demoMessageId(message.replyTo)] } : {}),
    date: message.sentAt,
  });
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * The demo workspace's mailbox lives in an in-process Gmail sandbox until a real one
 * is connected (ARCHITECTURE: embedded default). The sandbox is rebuilt at each start
 * from a fixed script (demo-mail-script.ts) dated from the first start (`anchor`), so its
 * message ids and dates repeat and the stored record stays valid; the grant is re-issued
 * and re-sealed each time.
 */
export async function startDemoMailbox(options: { db: Database; keys: EncryptionKeys; workspaceId: string; anchor: Date }) {
  const clientSecret = randomBytes(24).toString('base64url');
  const client = { clientId: 'firmly-demo', clientSecret, redirectUris: ['http://127.0.0.1/unused'] };
  const sandbox: GmailSandbox = await createGmailSandbox({ oauthClients: [client] });
  sandbox.admin.createUser(DEMO_MAILBOX);
  for (const message of placedDemoMail(options.anchor)) {
    sandbox.admin.deliver(DEMO_MAILBOX, await rawOf(message), {
      labelIds: [message.direction === 'out' ? 'SENT' : 'INBOX'],
      internalDate: message.sentAt,
    });
  }
  const refreshToken = sandbox.admin.grant(DEMO_MAILBOX);
  const mailboxId = await options.db.transaction(async (tx) => {
    const where = and(eq(schema.mailboxes.workspaceId, options.workspaceId), eq(schema.mailboxes.address, DEMO_MAILBOX));
    const [existing] = await tx.select({ id: schema.mailboxes.id }).from(schema.mailboxes).where(where);
    const id =
      existing?.id ??
      (
        await tx
          .insert(schema.mailboxes)
          .values({ workspaceId: options.workspaceId, provider: 'gmail', address: DEMO_MAILBOX, displayName: DEMO_WORKSPACE_NAME })
          .returning()
      )[0]?.id;
    if (!id) throw new Error('demo mailbox not created');
    await tx
      .update(schema.mailboxes)
      .set({
        encryptedGrant: sealGrant(options.keys, { provider: 'gmail', refreshToken, scope: '' }, id),
        status: 'active',
        statusReason: null,
      })
      .where(eq(schema.mailboxes.id, id));
    return id;
  });
  return {
    sandbox,
    mailboxId,
    settings: {
      GMAIL_API_URL: sandbox.url,
      GOOGLE_OAUTH_URL: sandbox.url,
      GOOGLE_CLIENT_ID: client.clientId,
      GOOGLE_CLIENT_SECRET: clientSecret,
    },
  };
}

/**
 * With the demo off (FIRMLY_DEMO=0, or a real provider configured) no sandbox runs, so the
 * demo workspace's mailbox, if an earlier start made one, is paused rather than polled
 * against a provider that never issued its grant. The next demo start makes it active again.
 */
export async function pauseDemoMailbox(db: Database): Promise<boolean> {
  const paused = await db
    .update(schema.mailboxes)
    .set({
      status: 'paused',
      statusReason: 'the demo is off: its sandbox mailbox runs only with FIRMLY_DEMO on and no provider configured',
    })
    .where(
      and(
        eq(schema.mailboxes.address, DEMO_MAILBOX),
        eq(schema.mailboxes.status, 'active'),
        inArray(
          schema.mailboxes.workspaceId,
          db.select({ id: schema.workspaces.id }).from(schema.workspaces).where(eq(schema.workspaces.slug, DEMO_WORKSPACE_SLUG)),
        ),
      ),
    )
    .returning({ id: schema.mailboxes.id });
  return paused.length > 0;
}
