import type { NotificationResponse, NotificationTarget, OutgoingNotification, SandboxClock } from './options';

/** The default target: a real HTTP POST, given up after the notification's deadline. */
export const httpNotificationTarget: NotificationTarget = async (notification) => {
  const response = await fetch(notification.url, {
    method: 'POST',
    headers: { 'Content-Type': notification.contentType },
    body: notification.body,
    signal: AbortSignal.timeout(notification.timeoutMs),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() };
};

export interface NotificationRecord {
  kind: OutgoingNotification['kind'];
  url: string;
  subscriptionId: string | undefined;
  /** The JSON the sandbox posted (undefined for validation requests, which have no body). */
  payload: unknown;
  sentAt: Date;
  status?: number;
  error?: string;
}

/**
 * Sends notifications and keeps a log of every attempt (admin.notifications()).
 * Change notifications are fire-and-forget like Graph's; `settle()` lets a test wait
 * for the ones in flight. Graph retries failed deliveries for hours; the sandbox tries
 * once and records the failure, so a test sees exactly what firmly's endpoint answered.
 */
export class Notifier {
  readonly log: NotificationRecord[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly target: NotificationTarget,
    private readonly clock: SandboxClock,
  ) {}

  async send(notification: OutgoingNotification, subscriptionId?: string): Promise<NotificationResponse | { error: string }> {
    const record: NotificationRecord = {
      kind: notification.kind,
      url: notification.url,
      subscriptionId,
      payload: notification.body ? JSON.parse(notification.body) : undefined,
      sentAt: this.clock.now(),
    };
    this.log.push(record);
    const attempt = (async () => {
      try {
        const response = await withDeadline(this.target(notification), notification.timeoutMs);
        record.status = response.status;
        return response;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        return { error: record.error };
      }
    })();
    this.pending.add(attempt);
    try {
      return await attempt;
    } finally {
      this.pending.delete(attempt);
    }
  }

  /** Fire-and-forget, tracked by settle(). */
  post(notification: OutgoingNotification, subscriptionId?: string): void {
    void this.send(notification, subscriptionId);
  }

  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

/** Enforces the deadline even for custom targets that ignore `timeoutMs`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
