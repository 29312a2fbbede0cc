import { randomBytes } from 'node:crypto';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export const GOOGLE_ISSUER = 'https://accounts.google.com';

/**
 * The sandbox's stand-in for Google's OIDC signing keys: one RS256 pair generated at
 * start, published like Google's (JWKS at /oauth2/v3/certs, PEM map at /oauth2/v1/certs),
 * signing the Pub/Sub push tokens and the id_tokens of the token endpoint.
 */
export class GoogleSigningKeys {
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly publicPem: string,
  ) {}

  static async generate(): Promise<GoogleSigningKeys> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = randomBytes(20).toString('hex');
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new GoogleSigningKeys(kid, privateKey, jwk, await exportSPKI(publicKey));
  }

  /** Body of GET /oauth2/v3/certs. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }

  /**
   * Body of GET /oauth2/v1/certs, which google-auth-library's `verifyIdToken` reads by
   * default. Google serves X.509 certificates there; a SPKI public key verifies the same
   * way with node:crypto, which is all that library does with it.
   */
  pemCerts(): Record<string, string> {
    return { [this.kid]: this.publicPem };
  }

  /**
   * Signs a JWT with the sandbox key, or — `unknownKey` — with a throwaway key under the
   * same kid, which is what a forged token looks like to a verifier.
   */
  async sign(claims: JWTPayload, options: { unknownKey?: boolean } = {}): Promise<string> {
    const key = options.unknownKey ? (await generateKeyPair('RS256')).privateKey : this.privateKey;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' }).sign(key);
  }
}
