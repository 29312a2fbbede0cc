import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * ID tokens for `openid` requests, signed with a key made at start and published at
 * `/{tenant}/discovery/v2.0/keys`, so code that verifies them can. Access tokens stay
 * opaque strings (the TokenStore's); clients must treat Microsoft's as opaque too.
 */
export interface IdTokenSigner {
  sign(claims: {
    audience: string;
    issuer: string;
    subject: string;
    tenantId: string;
    address: string;
    name: string;
    ttlS: number;
  }): Promise<string>;
  jwks(): { keys: JWK[] };
}

export async function createIdTokenSigner(): Promise<IdTokenSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return {
    sign: (claims) =>
      new SignJWT({
        oid: claims.subject,
        tid: claims.tenantId,
        preferred_username: claims.address,
        email: claims.address,
        name: claims.name,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(claims.issuer)
        .setAudience(claims.audience)
        .setSubject(claims.subject)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${claims.ttlS}s`)
        .sign(privateKey),
    jwks: () => ({ keys: [jwk] }),
  };
}
