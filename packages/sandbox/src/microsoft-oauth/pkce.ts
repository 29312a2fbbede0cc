import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the code_challenge sent to /authorize. */
export function verifyS256(codeVerifier: string, codeChallenge: string): boolean {
  // RFC 7636 §4.1: 43 to 128 characters from the unreserved set.
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) return false;
  const expected = Buffer.from(createHash('sha256').update(codeVerifier).digest('base64url'));
  const given = Buffer.from(codeChallenge);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
