import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { EncryptionKeys } from '@firmly/config';
import { type Database, schema } from '@firmly/db';
import { composeMime, sealGrant } from '@firmly/mail';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import { and, eq } from 'drizzle-orm';

export const DEMO_MAILBOX = 'studio@demo.firmly.example';

interface ScriptedMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  hoursAfterAnchor: number;
  inReplyTo?: string;
}

/** A few weeks of agency mail with one English and one Hungarian client (see demo-workspace.ts). */
const script: ScriptedMessage[] = [
  {
    id: 'cal-1',
    from: DEMO_MAILBOX,
    to: 'orders@northwind-bakery.example',
    subject: 'December content calendar',
    text: 'Hi Hannah,\n\nthe December calendar is attached. Could you approve it by Thursday so we can schedule the posts?\n\nThanks,\nStudio',
    hoursAfterAnchor: 0,
  },
  {
    id: 'cal-2',
    from: 'orders@northwind-bakery.example',
    to: DEMO_MAILBOX,
    subject: 'Re: December content calendar',
    text: 'Looks good, but I need to see every single post before it goes out.',
    hoursAfterAnchor: 70,
    inReplyTo: 'cal-1',
  },
  {
    id: 'cal-3',
    from: DEMO_MAILBOX,
    to: 'orders@northwind-bakery.example',
    subject: 'Re: December content calendar',
    text: 'Hi Hannah, the first week is ready. Please let me know if anything should change.',
    hoursAfterAnchor: 96,
    inReplyTo: 'cal-2',
  },
  {
    id: 'inv-1',
    from: DEMO_MAILBOX,
    to: 'kovacs.anna@kovacs-tarsa.example',
    subject: 'Számla – 2026. november',
    text: 'Kedves Anna!\n\nMellékelten küldöm a novemberi számlát. A fizetési határidő 14 nap.\n\nÜdvözlettel,\nStudio',
    hoursAfterAnchor: 24,
  },
  {
    id: 'inv-2',
    from: 'kovacs.anna@kovacs-tarsa.example',
    to: DEMO_MAILBOX,
    subject: 'Re: Számla – 2026. november',
    text: 'Köszönöm, a jövő héten átutalom.',
    hoursAfterAnchor: 30,
    inReplyTo: 'inv-1',
  },
];

/** The demo's time line starts where it first started, so restarts replay the same mailbox. */
async function anchor(dataDir: string): Promise<number> {
  const file = resolve(dataDir, 'demo-anchor');
  if (existsSync(file)) return Date.parse((await readFile(file, 'utf8')).trim());
  const start = Date.now() - 14 * 86_400_000;
  await writeFile(file, `${new Date(start).toISOString()}\n`);
  return start;
}

const messageIdOf = (id: string) => `${id}.demo@firmly.example`;

/**
 * The demo workspace's mailbox lives in an in-process Gmail sandbox until a real one
 * is connected (ARCHITECTURE: embedded default). The sandbox is rebuilt at each start
 * from a fixed script on a fixed time line, so its message ids repeat and the stored
 * record stays valid; the grant is re-issued and re-sealed each time.
 */
export async function startDemoMailbox(options: { db: Database; keys: EncryptionKeys; dataDir: string; workspaceId: string }) {
  const clientSecret = randomBytes(24).toString('base64url');
  const client = { clientId: 'firmly-demo', clientSecret, redirectUris: ['http://127.0.0.1/unused'] };
  const sandbox: GmailSandbox = await createGmailSandbox({ oauthClients: [client] });
  sandbox.admin.createUser(DEMO_MAILBOX);
  const start = await anchor(options.dataDir);
  for (const message of script) {
    const sentAt = new Date(start + message.hoursAfterAnchor * 3_600_000);
    const raw = await composeMime({
      from: { address: message.from },
      to: [{ address: message.to }],
      subject: message.subject,
      text: message.text,
      html: `<p>${message.text.replaceAll('\n', '<br>')}</p>`,
      messageId: messageIdOf(message.id),
      ...(message.inReplyTo ? { inReplyTo: messageIdOf(message.inReplyTo), references: [messageIdOf(message.inReplyTo)] } : {}),
      date: sentAt,
    });
    sandbox.admin.deliver(DEMO_MAILBOX, raw, { labelIds: [message.from === DEMO_MAILBOX ? 'SENT' : 'INBOX'], internalDate: sentAt });
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
          .values({ workspaceId: options.workspaceId, provider: 'gmail', address: DEMO_MAILBOX, displayName: 'Demo Studio' })
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
