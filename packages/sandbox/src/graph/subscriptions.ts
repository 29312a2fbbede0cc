import { randomUUID } from 'node:crypto';
import type {
  ChangeNotification,
  ChangeNotificationCollection,
  ChangeType,
  LifecycleEventType,
  Subscription,
} from '@microsoft/microsoft-graph-types';
import { GraphHttpError } from './errors';
import type { FolderName, Mailbox, StoredMessage } from './mailbox';
import type { Notifier } from './notifier';
import type { ResolvedOptions } from './options';

export interface StoredSubscription {
  readonly id: string;
  readonly mailbox: Mailbox;
  readonly resource: string;
  /** Undefined: every folder (`me/messages`). */
  readonly folder: FolderName | undefined;
  readonly changeTypes: ReadonlySet<ChangeType>;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | undefined;
  readonly clientState: string | undefined;
  readonly latestSupportedTlsVersion: string;
  expiresAt: Date;
}

/** What Graph puts in resourceData for a message notification without resource data. */
interface MessageResourceData {
  '@odata.type': '#Microsoft.Graph.Message';
  '@odata.id': string;
  '@odata.etag': string;
  id: string;
}

/**
 * `me/messages`, `me/mailFolders('inbox')/messages`, `me/mailfolders/inbox/messages`,
 * or the same under `users/{id or address}` (which must be the token's user).
 */
function parseResource(resource: string, mailbox: Mailbox): FolderName | undefined {
  const match = /^\/?(?:me|users\/([^/]+))\/(?:messages|mailfolders(?:\('([^']+)'\)|\/([^/?]+))\/messages)$/i.exec(resource.trim());
  if (!match)
    throw new GraphHttpError(400, 'InvalidRequest', `Resource '${resource}' is not supported for subscriptions by the Graph sandbox.`);
  const user = match[1]?.toLowerCase();
  if (user && user !== mailbox.user.id && user !== mailbox.user.address) {
    throw new GraphHttpError(403, 'ExtensionError', 'Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]');
  }
  const folder = match[2] ?? match[3];
  if (!folder) return undefined;
  const name = mailbox.resolveFolder(folder);
  if (!name)
    throw new GraphHttpError(
      404,
      'ExtensionError',
      `Operation: Create; Exception: [Status Code: NotFound; Reason: Folder '${folder}' was not found.]`,
    );
  return name;
}

const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted'];

/** Graph's validation tokens contain spaces and colons; firmly must echo them decoded, byte for byte. */
const validationToken = () => `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;

const withQuery = (url: string, name: string, value: string) =>
  `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;

export class SubscriptionRegistry {
  private readonly subscriptions = new Map<string, StoredSubscription>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly notifier: Notifier,
  ) {}

  private now(): Date {
    return this.options.clock.now();
  }

  /** Graph's rules: at most maxSubscriptionMinutes ahead; under 45 minutes is raised to 45. */
  private expiry(value: unknown): Date {
    const requested = typeof value === 'string' ? new Date(value) : undefined;
    if (!requested || Number.isNaN(requested.getTime())) {
      throw new GraphHttpError(400, 'InvalidRequest', "The property 'expirationDateTime' is required and must be a date-time.");
    }
    const now = this.now().getTime();
    if (requested.getTime() > now + this.options.maxSubscriptionMinutes * 60_000) {
      throw new GraphHttpError(
        400,
        'ExtensionError',
        `Operation: Create; Exception: [Status Code: BadRequest; Reason: Subscription expiration can only be ${this.options.maxSubscriptionMinutes} minutes in the future.]`,
      );
    }
    if (requested.getTime() <= now) {
      throw new GraphHttpError(
        400,
        'ExtensionError',
        'Operation: Create; Exception: [Status Code: BadRequest; Reason: Subscription expiration must be in the future.]',
      );
    }
    return new Date(Math.max(requested.getTime(), now + 45 * 60_000));
  }

  /** The handshake: POST `?validationToken=…` and require a 200 text/plain echo in time. */
  private async validate(url: string): Promise<void> {
    const token = validationToken();
    const response = await this.notifier.send({
      kind: 'validation',
      url: withQuery(url, 'validationToken', token),
      contentType: 'text/plain; charset=utf-8',
      body: '',
      timeoutMs: this.options.validationTimeoutMs,
    });
    if ('error' in response) {
      throw new GraphHttpError(
        400,
        'ValidationError',
        `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (${response.error})`,
      );
    }
    const textPlain = (response.contentType ?? '').toLowerCase().startsWith('text/plain');
    if (response.status !== 200 || !textPlain || response.body !== token) {
      throw new GraphHttpError(
        400,
        'ValidationError',
        `Subscription validation request failed. Response must exactly match validationToken query parameter. (status ${response.status}, content-type ${response.contentType ?? 'none'})`,
      );
    }
  }

  async create(mailbox: Mailbox, body: Subscription): Promise<StoredSubscription> {
    const changeTypes = new Set(
      (body.changeType ?? '')
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    );
    if (changeTypes.size === 0 || [...changeTypes].some((type) => !CHANGE_TYPES.includes(type as ChangeType))) {
      throw new GraphHttpError(
        400,
        'InvalidRequest',
        "The property 'changeType' must be a comma-separated list of created, updated, deleted.",
      );
    }
    if (!body.notificationUrl || !/^https?:\/\//i.test(body.notificationUrl)) {
      throw new GraphHttpError(400, 'InvalidRequest', "The property 'notificationUrl' is required and must be an absolute URL.");
    }
    if (body.lifecycleNotificationUrl && !/^https?:\/\//i.test(body.lifecycleNotificationUrl)) {
      throw new GraphHttpError(400, 'InvalidRequest', "The property 'lifecycleNotificationUrl' must be an absolute URL.");
    }
    if (body.clientState && body.clientState.length > 128) {
      throw new GraphHttpError(400, 'InvalidRequest', 'clientState is limited to 128 characters.');
    }
    const folder = parseResource(body.resource ?? '', mailbox);
    const expiresAt = this.expiry(body.expirationDateTime);
    // Graph validates each distinct endpoint before it creates anything.
    await this.validate(body.notificationUrl);
    if (body.lifecycleNotificationUrl && body.lifecycleNotificationUrl !== body.notificationUrl) {
      await this.validate(body.lifecycleNotificationUrl);
    }
    const subscription: StoredSubscription = {
      id: randomUUID(),
      mailbox,
      resource: body.resource ?? '',
      folder,
      changeTypes: changeTypes as Set<ChangeType>,
      notificationUrl: body.notificationUrl,
      lifecycleNotificationUrl: body.lifecycleNotificationUrl ?? undefined,
      clientState: body.clientState ?? undefined,
      latestSupportedTlsVersion: body.latestSupportedTlsVersion ?? 'v1_2',
      expiresAt,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  get(mailbox: Mailbox, id: string): StoredSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription || subscription.mailbox !== mailbox) {
      throw new GraphHttpError(404, 'ResourceNotFound', `The object '${id}' was not found.`);
    }
    return subscription;
  }

  renew(mailbox: Mailbox, id: string, body: Subscription): StoredSubscription {
    const subscription = this.get(mailbox, id);
    subscription.expiresAt = this.expiry(body.expirationDateTime);
    return subscription;
  }

  remove(mailbox: Mailbox, id: string): void {
    this.get(mailbox, id);
    this.subscriptions.delete(id);
  }

  list(mailbox?: Mailbox): StoredSubscription[] {
    return [...this.subscriptions.values()].filter((subscription) => !mailbox || subscription.mailbox === mailbox);
  }

  byId(id: string): StoredSubscription | undefined {
    return this.subscriptions.get(id);
  }

  render(subscription: StoredSubscription, contextBase: string): Subscription & { '@odata.context': string } {
    return {
      '@odata.context': `${contextBase}/v1.0/$metadata#subscriptions/$entity`,
      id: subscription.id,
      resource: subscription.resource,
      applicationId: null,
      changeType: [...subscription.changeTypes].join(','),
      clientState: subscription.clientState ?? null,
      notificationUrl: subscription.notificationUrl,
      lifecycleNotificationUrl: subscription.lifecycleNotificationUrl ?? null,
      expirationDateTime: subscription.expiresAt.toISOString(),
      creatorId: subscription.mailbox.user.id,
      includeResourceData: false,
      latestSupportedTlsVersion: subscription.latestSupportedTlsVersion,
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationQueryOptions: null,
      notificationUrlAppId: null,
    };
  }

  /**
   * A message was created, updated or deleted in `folder`: notify every live subscription
   * that watches it. Mailbox-wide subscriptions get `wholeMailboxChangeType` (null: none).
   */
  changed(
    mailbox: Mailbox,
    message: StoredMessage,
    changeType: ChangeType,
    folder: FolderName,
    wholeMailboxChangeType: ChangeType | null = changeType,
  ): void {
    const now = this.now();
    for (const subscription of this.subscriptions.values()) {
      if (subscription.mailbox !== mailbox || subscription.expiresAt <= now) continue;
      const type = subscription.folder === undefined ? wholeMailboxChangeType : subscription.folder === folder ? changeType : null;
      if (!type || !subscription.changeTypes.has(type)) continue;
      const path = `Users/${mailbox.user.id}/Messages/${message.id}`;
      const resourceData: MessageResourceData = {
        '@odata.type': '#Microsoft.Graph.Message',
        '@odata.id': path,
        '@odata.etag': `W/"${message.changeKey}"`,
        id: message.id,
      };
      const notification: ChangeNotification = {
        id: randomUUID(),
        subscriptionId: subscription.id,
        subscriptionExpirationDateTime: subscription.expiresAt.toISOString(),
        clientState: subscription.clientState ?? null,
        changeType: type,
        resource: path,
        tenantId: this.options.tenantId,
        resourceData,
      };
      const payload: ChangeNotificationCollection = { value: [notification] };
      this.notifier.post(
        {
          kind: 'change',
          url: subscription.notificationUrl,
          contentType: 'application/json; charset=utf-8',
          body: JSON.stringify(payload),
          timeoutMs: this.options.notificationTimeoutMs,
        },
        subscription.id,
      );
    }
  }

  /** Posts a lifecycle notification; `subscriptionRemoved` also deletes the subscription, as Graph has by then. */
  async lifecycle(id: string, event: LifecycleEventType): Promise<{ status?: number; error?: string }> {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    if (!subscription.lifecycleNotificationUrl) throw new Error(`subscription ${id} has no lifecycleNotificationUrl`);
    const notification: ChangeNotification = {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: subscription.expiresAt.toISOString(),
      tenantId: this.options.tenantId,
      clientState: subscription.clientState ?? null,
      lifecycleEvent: event,
    };
    const payload: ChangeNotificationCollection = { value: [notification] };
    if (event === 'subscriptionRemoved') this.subscriptions.delete(id);
    const response = await this.notifier.send(
      {
        kind: 'lifecycle',
        url: subscription.lifecycleNotificationUrl,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(payload),
        timeoutMs: this.options.notificationTimeoutMs,
      },
      subscription.id,
    );
    return 'error' in response ? { error: response.error } : { status: response.status };
  }
}
