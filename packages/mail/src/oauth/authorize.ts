import { auth } from '@googleapis/gmail';
import type { ProviderConfig } from './providers';

export interface AuthorizationRequest {
  /** From createState. */
  state: string;
  /** codeChallengeS256(verifier); the verifier travels sealed inside the state. */
  codeChallenge: string;
  /** The address the operator means to connect; preselects the account. */
  loginHint?: string;
}

type GoogleAuthUrlOptions = NonNullable<Parameters<InstanceType<typeof auth.OAuth2>['generateAuthUrl']>[0]>;

/**
 * The URL to send the operator's browser to. Google's goes through google-auth-library's
 * OAuth2Client (as bundled by @googleapis/gmail) with its `endpoints.oauth2AuthBaseUrl`
 * pointed at the configured authorize URL; Microsoft's is built here.
 */
export function authorizationUrl(provider: ProviderConfig, request: AuthorizationRequest): string {
  if (provider.provider === 'gmail') {
    const client = new auth.OAuth2({
      clientId: provider.clientId,
      redirectUri: provider.redirectUri,
      endpoints: {
        oauth2AuthBaseUrl: provider.authorizeUrl,
        oauth2TokenUrl: provider.tokenUrl,
        ...(provider.revokeUrl === undefined ? {} : { oauth2RevokeUrl: provider.revokeUrl }),
      },
    });
    const options: GoogleAuthUrlOptions = {
      ...provider.authorizeParams,
      response_type: 'code',
      scope: [...provider.scopes],
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256' as GoogleAuthUrlOptions['code_challenge_method'],
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    };
    return client.generateAuthUrl(options);
  }
  const url = new URL(provider.authorizeUrl);
  const params: Record<string, string> = {
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: provider.redirectUri,
    scope: provider.scopes.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...provider.authorizeParams,
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
