/** An OAuth client as registered in Google Cloud Console (a "Web application" client). */
export interface GoogleOAuthClient {
  clientId: string;
  clientSecret: string;
  /** Exact-match list, as Google compares them. */
  redirectUris: readonly string[];
}

export type ClientAuthentication = { ok: true; client: GoogleOAuthClient } | { ok: false; error: 'invalid_client'; description: string };

export class ClientRegistry {
  private readonly clients = new Map<string, GoogleOAuthClient>();

  constructor(clients: readonly GoogleOAuthClient[] = []) {
    for (const client of clients) this.register(client);
  }

  register(client: GoogleOAuthClient): void {
    this.clients.set(client.clientId, { ...client, redirectUris: [...client.redirectUris] });
  }

  get(clientId: string | undefined): GoogleOAuthClient | undefined {
    return clientId ? this.clients.get(clientId) : undefined;
  }

  /**
   * Token-endpoint client authentication: `client_secret_post` (google-auth-library's
   * default) or `client_secret_basic`. Google answers 401 invalid_client either way.
   */
  authenticate(authorization: string | undefined, form: Record<string, string>): ClientAuthentication {
    let clientId = form.client_id;
    let secret = form.client_secret;
    const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const client = this.get(clientId);
    if (!client) return { ok: false, error: 'invalid_client', description: 'The OAuth client was not found.' };
    if (secret !== client.clientSecret) return { ok: false, error: 'invalid_client', description: 'Unauthorized' };
    return { ok: true, client };
  }
}
