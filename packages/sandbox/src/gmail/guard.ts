import type { FastifyRequest } from 'fastify';
import type { GoogleGrants } from '../google-oauth/grants';
import { backendError, failedPrecondition, insufficientScope, permissionDenied, rateLimited, unauthenticated } from './errors';
import type { FaultInjector } from './faults';
import type { Mailbox, Mailboxes } from './mailbox';
import { METHOD_SCOPES, metadataOnly } from './method-scopes';
import { GMAIL_METHOD_UNITS, type GmailMethod, type QuotaMeter } from './quota';
import type { StatsBook } from './stats';

export interface GuardDeps {
  grants: GoogleGrants;
  mailboxes: Mailboxes;
  quota: QuotaMeter;
  faults: FaultInjector;
  stats: StatsBook;
  now(): number;
}

export interface Admitted {
  mailbox: Mailbox;
  /** The token carries gmail.metadata and nothing broader. */
  metadataOnly: boolean;
}

/**
 * What every Gmail API request goes through before its handler, in Google's order as
 * far as a client can tell: authentication (401), whose mailbox (403), scopes (403),
 * then the per-user rate limit (429). Injected delays come first (a slow server is slow
 * whatever the answer); injected faults come before the quota is charged.
 * Throws GmailApiError; the server's error handler writes it out.
 */
export async function admit(deps: GuardDeps, request: FastifyRequest, method: GmailMethod): Promise<Admitted> {
  const delay = deps.faults.takeDelay(method);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

  const access = deps.grants.check(request.headers.authorization);
  if (!access.ok) throw unauthenticated(access.reason === 'missing');

  const userId = (request.params as { userId?: string }).userId ?? 'me';
  if (userId !== 'me' && userId.toLowerCase() !== access.user) throw permissionDenied(`Delegation denied for ${userId}`);
  if (!access.scopes.some((s) => METHOD_SCOPES[method].includes(s))) throw insufficientScope();

  // A Google account without Gmail: what the API answers for a grant whose mailbox does not exist.
  const mailbox = deps.mailboxes.get(access.user);
  if (!mailbox) throw failedPrecondition('Mail service not enabled');

  deps.stats.request(access.user, method);
  const fault = deps.faults.takeFault(method);
  if (fault) {
    deps.stats.fault(access.user);
    throw backendError(fault);
  }
  const now = deps.now();
  const decision = deps.quota.take(access.user, GMAIL_METHOD_UNITS[method], now);
  if (!decision.ok) {
    deps.stats.rateLimited(access.user);
    throw rateLimited(new Date(now + decision.retryAfterMs), Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  }
  deps.stats.charged(access.user, method);
  return { mailbox, metadataOnly: metadataOnly(access.scopes) };
}
