/**
 * Tenants never see each other's data: every /v1 operation of the OpenAPI document is called by
 * workspace B's owner (all scopes) with workspace A's ids, and must answer 404 — never data,
 * never a change. The operations come from the document itself, so a new route is walked
 * without anyone remembering to add it here.
 */
import { issueApiKey } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiServer } from '../support/api-server';
import { ladderClient } from '../support/ladder-client';

const t = useTestDatabase();
let queues: QueueBackend;
let app: FastifyInstance;

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  pattern?: string;
}

interface Operation {
  method: string;
  path: string;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
}

/** Workspace A's rows, one of each kind a route can address. */
type Ids = Record<string, string>;

async function workspaceA(): Promise<Ids> {
  const base = await ladderClient(t.db, { slug: 'tenant-a', invoice: { number: 'A-1', amountMinor: 100_000n, currency: 'EUR' } });
  const { workspaceId, clientId, mailboxId, operatorId } = base;
  const [thread] = await t.db.insert(schema.threads).values({ workspaceId, mailboxId, providerThreadId: 'a-thread', clientId }).returning();
  if (!thread) throw new Error('no thread');
  const [message] = await t.db
    .insert(schema.messages)
    .values({
      workspaceId,
      mailboxId,
      threadId: thread.id,
      providerMessageId: 'a-msg',
      direction: 'outbound',
      sentAt: new Date('2026-11-02T09:00:00Z'),
    })
    .returning();
  const [email] = await t.db
    .insert(schema.outgoingEmails)
    .values({
      workspaceId,
      clientId,
      mailboxId,
      threadId: thread.id,
      kind: 'nudge',
      locale: 'en',
      idempotencyKey: 'a-draft',
      messageId: '<a-draft@agency.example>',
      to: [{ address: 'owner@bakery.example' }],
      subject: 'Re: Spring campaign',
      html: '<p>A</p>',
      text: 'A',
    })
    .returning();
  if (!message) throw new Error('no message');
  const [proposal] = await t.db
    .insert(schema.mailProposals)
    .values({ workspaceId, clientId, messageId: message.id, kind: 'payment', ordinal: 0, rule: 'test', details: {} })
    .returning();
  const key = issueApiKey();
  const [apiKey] = await t.db
    .insert(schema.apiKeys)
    .values({ workspaceId, operatorId, name: 'a', prefix: key.prefix, keyHash: key.hash })
    .returning();
  const [incident] = await t.db
    .insert(schema.incidents)
    .values({ workspaceId, clientId, kind: 'late_payment', occurredAt: new Date(), summary: 'late', dedupeKey: 'a-incident' })
    .returning();
  const ids: Ids = {
    workspaceId,
    clientId,
    mailboxId,
    operatorId,
    invoiceId: base.invoiceId ?? '',
    threadId: thread.id,
    messageId: message.id,
    emailId: email?.id ?? '',
    apiKeyId: apiKey?.id ?? '',
    incidentId: incident?.id ?? '',
  };
  if (proposal) ids.proposalId = proposal.id;
  return ids;
}

let keyOfB: Record<string, string> | undefined;

async function ownerKeyOfB(): Promise<Record<string, string>> {
  keyOfB ??= await makeOwnerKeyOfB();
  return keyOfB;
}

async function makeOwnerKeyOfB(): Promise<Record<string, string>> {
  const [ws] = await t.db.insert(schema.workspaces).values({ slug: 'tenant-b', name: 'B' }).returning();
  if (!ws) throw new Error('no workspace');
  const [owner] = await t.db
    .insert(schema.operators)
    .values({ workspaceId: ws.id, email: 'owner@tenant-b.example', name: 'B', role: 'owner' })
    .returning();
  if (!owner) throw new Error('no owner');
  const key = issueApiKey();
  await t.db.insert(schema.apiKeys).values({ workspaceId: ws.id, operatorId: owner.id, name: 'b', prefix: key.prefix, keyHash: key.hash });
  return { authorization: `Bearer ${key.token}` };
}

/** Which of A's ids a path parameter names, by the resource the path addresses. */
function idFor(path: string, parameter: string, ids: Ids): string | undefined {
  const named: Record<string, string> = {
    clientId: 'clientId',
    messageId: 'messageId',
    mailboxId: 'mailboxId',
    invoiceId: 'invoiceId',
    emailId: 'emailId',
  };
  const byName = named[parameter];
  if (byName) return ids[byName];
  const resource = path.split('/')[2] ?? '';
  const byResource: Record<string, string> = {
    clients: 'clientId',
    'review-queue': 'emailId',
    emails: 'emailId',
    invoices: 'invoiceId',
    payments: 'invoiceId',
    proposals: 'proposalId',
    mailboxes: 'mailboxId',
    messages: 'messageId',
    operators: 'operatorId',
    'api-keys': 'apiKeyId',
    incidents: 'incidentId',
    escalations: 'clientId',
    threads: 'threadId',
  };
  const key = byResource[resource];
  return key ? ids[key] : undefined;
}

/** A minimal body the schema accepts, so the request reaches the handler and its tenancy check. */
function example(schemaOf: JsonSchema | undefined, ids: Ids, field = ''): unknown {
  if (!schemaOf) return {};
  if (schemaOf.const !== undefined) return schemaOf.const;
  if (schemaOf.enum?.length) return schemaOf.enum[0];
  const alternatives = schemaOf.anyOf ?? schemaOf.oneOf;
  if (alternatives?.length) return example(alternatives.find((option) => option.type !== 'null') ?? alternatives[0], ids, field);
  const type = Array.isArray(schemaOf.type) ? schemaOf.type.find((candidate) => candidate !== 'null') : schemaOf.type;
  switch (type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      // With nothing required, one optional field: "change nothing" is rejected before tenancy is even asked.
      const names = schemaOf.required?.length ? schemaOf.required : Object.keys(schemaOf.properties ?? {}).slice(0, 1);
      for (const name of names) body[name] = example(schemaOf.properties?.[name], ids, name);
      return body;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schemaOf.minItems ?? 0) }, () => example(schemaOf.items, ids, field));
    case 'integer':
    case 'number':
      return Math.max(1, schemaOf.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (schemaOf.format === 'uuid') return ids[`${field.replace(/s$/, '')}`] ?? ids.clientId;
      if (schemaOf.format === 'email') return 'someone@example.com';
      if (schemaOf.format === 'date') return '2026-12-01';
      if (schemaOf.format === 'date-time') return '2026-12-01T10:00:00Z';
      return 'x'.repeat(Math.max(12, schemaOf.minLength ?? 0));
    }
    default:
      return {};
  }
}

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  app = testApiServer({ db: t.db, queues });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

describe('tenant isolation', () => {
  it("answers 404 to every /v1 operation addressed at another workspace's rows, and changes nothing", async () => {
    const ids = await workspaceA();
    const auth = await ownerKeyOfB();
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
    );
    // The OAuth callback is the provider redirecting the browser back, authenticated by its sealed state, not by a workspace.
    const addressed = operations.filter(
      (operation) => operation.path.startsWith('/v1/') && operation.path.includes('{') && !operation.path.startsWith('/v1/oauth/'),
    );
    expect(addressed.length).toBeGreaterThan(10);

    const before = await t.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.workspaceId, ids.workspaceId ?? ''));
    const answers: string[] = [];
    for (const operation of addressed) {
      let url = operation.path;
      for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
        const id = name ? idFor(operation.path, name, ids) : undefined;
        if (!id) throw new Error(`no id of workspace A for ${name} in ${operation.method} ${operation.path}: add it to idFor`);
        url = url.replace(`{${name}}`, id);
      }
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const csv = content['text/csv'];
      const response = await app.inject({
        method: operation.method as 'GET',
        url,
        headers: { ...auth, ...(csv && !json ? { 'content-type': 'text/csv' } : {}) },
        ...(json ? { payload: example(json.schema, ids) as Record<string, unknown> } : csv ? { payload: 'client,number\n' } : {}),
      });
      answers.push(
        `${operation.method} ${operation.path} → ${response.statusCode}${response.statusCode === 404 ? '' : ` ${response.body.slice(0, 200)}`}`,
      );
    }
    expect(answers.filter((answer) => !/→ 404$/.test(answer))).toEqual([]);
    const after = await t.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.workspaceId, ids.workspaceId ?? ''));
    expect(after.length).toBe(before.length);
  });

  it("lists never include another workspace's rows", async () => {
    const auth = await ownerKeyOfB();
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const lists = Object.entries(doc.paths)
      .filter(([path, methods]) => path.startsWith('/v1/') && !path.includes('{') && methods.get && path !== '/v1/events')
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(3);
    const [a] = await t.db.select().from(schema.workspaces).where(eq(schema.workspaces.slug, 'tenant-a'));
    for (const path of lists) {
      const response = await app.inject({ method: 'GET', url: path, headers: auth });
      expect.soft(response.body, path).not.toContain(a?.id ?? 'missing');
      expect.soft(response.body, path).not.toContain('owner@bakery.example');
    }
  });
});
