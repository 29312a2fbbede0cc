import type { ChangeNotificationCollection, Subscription } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSandbox, type GraphSandbox } from './server';
import { connectedMailbox, graphClient, mimeMessage, notificationEndpoint, skipWithoutTls, trustedTls } from './test-support';

const USER = 'ada@freelance.example';
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

describe.skipIf(skipWithoutTls)('Graph sandbox: subscriptions and change notifications', () => {
  let sandbox: GraphSandbox;
  let accessToken = '';
  const client = () => graphClient(sandbox, () => accessToken);
  const endpoints: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    sandbox = await createGraphSandbox({ tls: await trustedTls(), validationTimeoutMs: 2_000 });
    ({ accessToken } = await connectedMailbox(sandbox, USER));
  });
  afterAll(async () => {
    await sandbox?.close();
    await Promise.all(endpoints.map((endpoint) => endpoint.close()));
  });

  it('validates the endpoint, then posts a change notification with the clientState for new inbox mail', async () => {
    const endpoint = await notificationEndpoint('echo');
    endpoints.push(endpoint);
    const created = (await client()
      .api('/subscriptions')
      .post({
        changeType: 'created',
        notificationUrl: endpoint.url,
        lifecycleNotificationUrl: `${endpoint.url}?kind=lifecycle`,
        resource: "me/mailFolders('inbox')/messages",
        expirationDateTime: inTwoDays(),
        clientState: 'firmly-secret-123',
      } satisfies Subscription)) as Subscription;
    expect(created.id).toBeDefined();
    expect(created.clientState).toBe('firmly-secret-123');

    // Two handshakes (notification and lifecycle URLs), each echoed as text/plain.
    const validations = endpoint.received.filter((request) => request.url.includes('validationToken='));
    expect(validations).toHaveLength(2);
    expect(new URL(validations[0]?.url ?? '', 'http://x').searchParams.get('validationToken')).toMatch(/^Validation: /);

    const id = sandbox.admin.deliver(USER, mimeMessage({ from: 'boss@client.example', to: USER, subject: 'Are we on?' }).mime);
    sandbox.admin.deliver(USER, mimeMessage({ from: `Ada <${USER}>`, to: 'boss@client.example', subject: 'sent copy' }).mime, {
      folder: 'sentitems',
    });
    await sandbox.admin.settleNotifications();

    const changes = endpoint.received.filter((request) => !request.url.includes('validationToken='));
    expect(changes).toHaveLength(1);
    const payload = JSON.parse(changes[0]?.body ?? '{}') as ChangeNotificationCollection;
    expect(payload.value?.[0]).toMatchObject({
      subscriptionId: created.id,
      clientState: 'firmly-secret-123',
      changeType: 'created',
      tenantId: sandbox.tenantId,
      resourceData: { id, '@odata.type': '#Microsoft.Graph.Message' },
    });
    expect(sandbox.admin.notifications().at(-1)).toMatchObject({ kind: 'change', status: 202 });

    // Renew, lifecycle event, delete.
    const renewed = (await client().api(`/subscriptions/${created.id}`).patch({ expirationDateTime: inTwoDays() })) as Subscription;
    expect(renewed.id).toBe(created.id);
    expect(await sandbox.admin.sendLifecycle(String(created.id), 'reauthorizationRequired')).toEqual({ status: 202 });
    const lifecycle = endpoint.received.at(-1);
    expect(lifecycle?.url).toContain('kind=lifecycle');
    expect(JSON.parse(lifecycle?.body ?? '{}')).toMatchObject({
      value: [{ subscriptionId: created.id, lifecycleEvent: 'reauthorizationRequired', clientState: 'firmly-secret-123' }],
    });
    await client().api(`/subscriptions/${created.id}`).delete();
    expect(sandbox.admin.subscriptions(USER)).toEqual([]);
  });

  it('refuses the subscription with 400 ValidationError when the endpoint does not echo the token as text/plain', async () => {
    for (const behaviour of ['refuse', 'json-echo'] as const) {
      const endpoint = await notificationEndpoint(behaviour);
      endpoints.push(endpoint);
      const error = await client()
        .api('/subscriptions')
        .post({ changeType: 'created', notificationUrl: endpoint.url, resource: 'me/messages', expirationDateTime: inTwoDays() })
        .then(
          () => undefined,
          (failure: { statusCode: number; code: string }) => failure,
        );
      expect(error).toMatchObject({ statusCode: 400, code: 'ValidationError' });
    }
    expect(sandbox.admin.subscriptions(USER)).toEqual([]);
  });

  it('limits expirationDateTime to 10070 minutes ahead', async () => {
    const endpoint = await notificationEndpoint('echo');
    endpoints.push(endpoint);
    const error = await client()
      .api('/subscriptions')
      .post({
        changeType: 'created',
        notificationUrl: endpoint.url,
        resource: 'me/messages',
        expirationDateTime: new Date(Date.now() + 10_071 * 60_000).toISOString(),
      })
      .then(
        () => undefined,
        (failure: { statusCode: number; code: string }) => failure,
      );
    expect(error).toMatchObject({ statusCode: 400 });
    expect(endpoint.received).toEqual([]);
  });
});
