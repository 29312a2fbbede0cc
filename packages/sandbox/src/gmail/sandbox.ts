import type { AddressInfo } from 'node:net';
import { ClientRegistry } from '../google-oauth/clients';
import { AuthorizationCodes } from '../google-oauth/codes';
import { GoogleGrants } from '../google-oauth/grants';
import { registerGoogleOAuth } from '../google-oauth/index';
import { GoogleSigningKeys } from '../google-oauth/keys';
import { TokenStore } from '../oauth/tokens';
import { createAdmin, type GmailSandboxAdmin, type TokenIssuance } from './admin';
import { FaultInjector } from './faults';
import type { GuardDeps } from './guard';
import { HistoryClock } from './ids';
import { Mailboxes } from './mailbox';
import { DEFAULTS, type GmailSandboxOptions } from './options';
import { PushNotifier } from './push';
import { QuotaMeter } from './quota';
import { registerBatchRoute } from './route-batch';
import { registerHistoryRoute } from './route-history';
import { registerMessageRoutes } from './route-messages';
import { registerProfileRoute } from './route-profile';
import { registerSendRoutes } from './route-send';
import { registerWatchRoutes } from './route-watch';
import { createServer } from './server';
import { StatsBook } from './stats';

export interface GmailSandbox {
  /** `http://127.0.0.1:<port>`, no trailing slash: googleapis' `rootUrl` (add '/') and the GOOGLE_OAUTH_URL base. */
  url: string;
  close(): Promise<void>;
  admin: GmailSandboxAdmin;
}

/**
 * A Gmail API (v1, the subset firmly uses), Google's OAuth endpoints and Pub/Sub-style
 * push, on one local HTTP server, for the real `@googleapis/gmail` client to talk to.
 */
export async function createGmailSandbox(options: GmailSandboxOptions = {}): Promise<GmailSandbox> {
  const now = () => Number(options.clock?.now() ?? Date.now());
  const keys = await GoogleSigningKeys.generate();
  const grants = new GoogleGrants(
    new TokenStore({
      accessTokenTtlMs: (options.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds) * 1000,
      rotateRefreshTokens: false,
      now,
    }),
  );
  const clients = new ClientRegistry(options.oauthClients);
  const push = new PushNotifier(options.push, keys, now);
  const mailboxes = new Mailboxes(new HistoryClock(), options.historyRetention ?? DEFAULTS.historyRetention, (mailbox, change) =>
    push.changed(mailbox.address, change.historyId, change.labelIds),
  );
  for (const user of options.users ?? []) mailboxes.create(user);
  const faults = new FaultInjector();
  for (const spec of options.faults ?? []) faults.injectFaults(spec);
  const stats = new StatsBook();
  const issuance = new Map<string, TokenIssuance>();

  const app = createServer();
  registerGoogleOAuth(app, {
    clients,
    codes: new AuthorizationCodes(now),
    grants,
    keys,
    now,
    userExists: (address) => mailboxes.get(address) !== undefined,
    onIssued(grantType, user) {
      const counts = issuance.get(user) ?? { authorizationCode: 0, refreshToken: 0 };
      if (grantType === 'authorization_code') counts.authorizationCode += 1;
      else counts.refreshToken += 1;
      issuance.set(user, counts);
    },
  });
  const deps: GuardDeps = {
    grants,
    mailboxes,
    quota: new QuotaMeter(options.quotaUnitsPerSecond ?? DEFAULTS.quotaUnitsPerSecond),
    faults,
    stats,
    now,
  };
  registerProfileRoute(app, deps);
  registerMessageRoutes(app, deps);
  registerHistoryRoute(app, deps);
  registerSendRoutes(app, deps);
  registerWatchRoutes(app, { ...deps, push });
  registerBatchRoute(app, deps);

  await app.listen({ host: options.host ?? DEFAULTS.host, port: options.port ?? DEFAULTS.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    admin: createAdmin({ mailboxes, grants, clients, faults, stats, push, issuance, now }),
    async close() {
      push.close();
      await app.close();
    },
  };
}
