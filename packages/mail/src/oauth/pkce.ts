import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) with the S256 method only ("plain" gives no protection when the
 * authorization request leaks, and both Google and Microsoft support S256).
 */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * A verifier of `length` characters (43–128) from the RFC 7636 unreserved alphabet.
 * Base64url of random bytes uses 64 of its 66 characters, 6 bits of entropy each
 * (the default, 64 characters, carries 384 bits).
 */
export function createCodeVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) throw new RangeError('a PKCE code verifier has 43 to 128 characters');
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
}

export function isCodeVerifier(value: string): boolean {
  return CODE_VERIFIER_PATTERN.test(value);
}

/** BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
export function codeChallengeS256(verifier: string): string {
  if (!isCodeVerifier(verifier)) throw new RangeError('not a PKCE code verifier (43–128 characters of [A-Za-z0-9-._~])');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkcePair(length?: number): { codeVerifier: string; codeChallenge: string; codeChallengeMethod: 'S256' } {
  const codeVerifier = createCodeVerifier(length);
  return { codeVerifier, codeChallenge: codeChallengeS256(codeVerifier), codeChallengeMethod: 'S256' };
}
