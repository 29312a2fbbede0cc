import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A random clientState per subscription; only its hash is stored. */
export function newClientState(): { clientState: string; hash: string } {
  const clientState = randomBytes(32).toString('base64url');
  return { clientState, hash: hashClientState(clientState) };
}

export function hashClientState(clientState: string): string {
  return createHash('sha256').update(clientState, 'utf8').digest('hex');
}

/** Compared in constant time, so response timing reveals nothing about the expected value. */
export function clientStateMatches(storedHash: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(hashClientState(received), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const notification = z.object({
  subscriptionId: z.string(),
  clientState: z.string().optional(),
  changeType: z.string().optional(),
  resource: z.string().optional(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
});

export const graphNotificationBody = z.object({ value: z.array(notification).min(1).max(1000) });
export type GraphNotification = z.infer<typeof notification>;
