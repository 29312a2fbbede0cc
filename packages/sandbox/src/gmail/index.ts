export {
  ClientRegistry,
  GOOGLE_OAUTH_PATHS,
  type GoogleOAuthClient,
  type GoogleTokenResponse,
  googleOAuthEndpoints,
  type OAuth2Endpoints,
} from '../google-oauth/index';
export type { DeliveredMessage, DeliverOptions, GmailSandboxAdmin, SandboxMessage, TokenIssuance } from './admin';
export type { GoogleErrorBody } from './errors';
export type { DelaySpec, FaultSpec } from './faults';
export type { GmailSandboxOptions } from './options';
export type { GmailNotification, PubSubPushBody, PushAttempt, PushOptions } from './push';
export { GMAIL_METHOD_UNITS, type GmailMethod } from './quota';
export { createGmailSandbox, type GmailSandbox } from './sandbox';
export type { GmailUserStats } from './stats';
