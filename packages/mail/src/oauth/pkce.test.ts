import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_VERIFIER_PATTERN, codeChallengeS256, createCodeVerifier, createPkcePair, isCodeVerifier } from './pkce';

describe('PKCE', () => {
  it('matches RFC 7636 appendix B', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('property: verifiers of any allowed length use the RFC alphabet, are fresh, and have an unpadded base64url challenge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 43, max: 128 }), (length) => {
        const verifier = createCodeVerifier(length);
        expect(verifier).toHaveLength(length);
        expect(verifier).toMatch(CODE_VERIFIER_PATTERN);
        expect(createCodeVerifier(length)).not.toBe(verifier);
        expect(codeChallengeS256(verifier)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }),
    );
  });

  it('refuses lengths and characters outside RFC 7636', () => {
    expect(() => createCodeVerifier(42)).toThrow(RangeError);
    expect(() => createCodeVerifier(129)).toThrow(RangeError);
    expect(isCodeVerifier('a'.repeat(42))).toBe(false);
    expect(isCodeVerifier(`${'a'.repeat(43)}=`)).toBe(false);
    expect(isCodeVerifier('~._-'.repeat(11))).toBe(true);
    expect(() => codeChallengeS256('short')).toThrow(RangeError);
  });

  it('pairs a verifier with its challenge', () => {
    const pair = createPkcePair();
    expect(pair.codeVerifier).toHaveLength(64);
    expect(pair.codeChallenge).toBe(codeChallengeS256(pair.codeVerifier));
    expect(pair.codeChallengeMethod).toBe('S256');
  });
});
