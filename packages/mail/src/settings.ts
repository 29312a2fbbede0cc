import { googleProvider, microsoftProvider, type ProviderConfig } from './oauth/index';

/** The mail-related settings every service reads (see @firmly/config services.ts). */
export interface MailSettings {
  MAIL_BACKFILL_DAYS: number;
  GMAIL_API_URL: string;
  GMAIL_QUOTA_UNITS_PER_SECOND: number;
  GOOGLE_OAUTH_URL: string;
  GOOGLE_CLIENT_ID: string | undefined;
  GOOGLE_CLIENT_SECRET: string | undefined;
  GRAPH_API_URL: string;
  MICROSOFT_LOGIN_URL: string;
  MICROSOFT_TENANT: string;
  MICROSOFT_CLIENT_ID: string | undefined;
  MICROSOFT_CLIENT_SECRET: string | undefined;
  PUBLIC_URL: string | undefined;
}

/** Where the provider sends the operator back after consent; must be registered with the provider. */
export const oauthCallbackPath = (provider: 'gmail' | 'graph') => `/v1/oauth/callback/${provider}`;

/** The OAuth client of each provider that has credentials configured. */
export function oauthProviders(settings: MailSettings, publicUrl: string): Partial<Record<'gmail' | 'graph', ProviderConfig>> {
  const providers: Partial<Record<'gmail' | 'graph', ProviderConfig>> = {};
  if (settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET) {
    providers.gmail = googleProvider({
      clientId: settings.GOOGLE_CLIENT_ID,
      clientSecret: settings.GOOGLE_CLIENT_SECRET,
      redirectUri: `${publicUrl}${oauthCallbackPath('gmail')}`,
      baseUrl: settings.GOOGLE_OAUTH_URL,
    });
  }
  if (settings.MICROSOFT_CLIENT_ID && settings.MICROSOFT_CLIENT_SECRET) {
    providers.graph = microsoftProvider({
      clientId: settings.MICROSOFT_CLIENT_ID,
      clientSecret: settings.MICROSOFT_CLIENT_SECRET,
      redirectUri: `${publicUrl}${oauthCallbackPath('graph')}`,
      loginUrl: settings.MICROSOFT_LOGIN_URL,
      tenant: settings.MICROSOFT_TENANT,
    });
  }
  return providers;
}
