import { encryptSecret, generateEncryptionKey, parseEncryptionKeys } from '@firmly/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCodeVerifier } from './pkce';
import { createState, OAUTH_STATE_ASSOCIATED_DATA, type OAuthStateInput, openState } from './state';

const keys = parseEncryptionKeys(generateEncryptionKey('v1'));
const now = new Date('2026-03-02T10:00:00.000Z');
const ttl = 10 * 60_000;

const verifierArb = fc
  .tuple(fc.integer({ min: 43, max: 128 }), fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~'), minLength: 128, maxLength: 128 }))
  .map(([length, chars]) => chars.slice(0, length));
const inputArb: fc.Arbitrary<OAuthStateInput> = fc.record(
  {
    workspaceId: fc.uuid(),
    provider: fc.constantFrom('gmail' as const, 'graph' as const),
    codeVerifier: verifierArb,
    redirectAfter: fc.webPath().map((p) => `/${p.replace(/^\/+/, '')}`),
  },
  { requiredKeys: ['workspaceId', 'provider', 'codeVerifier'] },
);
const input: OAuthStateInput = { workspaceId: 'ws-1', provider: 'gmail', codeVerifier: createCodeVerifier(), redirectAfter: '/settings' };

describe('OAuth state', () => {
  it('property: round-trips, is URL-safe, and expires exactly at its TTL', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 3_600_000 }), (payload, ttlMs) => {
        const { state, nonce, expiresAt } = createState(keys, payload, ttlMs, now);
        expect(state).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
        expect(encodeURIComponent(state)).toBe(state);
        expect(expiresAt.getTime()).toBe(now.getTime() + ttlMs);
        const opened = openState(keys, state, new Date(now.getTime() + ttlMs - 1));
        expect(opened).toEqual({ ok: true, state: { ...payload, nonce, expiresAt } });
        expect(openState(keys, state, expiresAt)).toEqual({ ok: false, error: 'expired' });
      }),
      { numRuns: 200 },
    );
  });

  it('property: any change to a state makes it invalid', () => {
    const { state } = createState(keys, input, ttl, now);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:';
    fc.assert(
      fc.property(fc.nat({ max: state.length - 1 }), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(state[at] !== char);
        const tampered = state.slice(0, at) + char + state.slice(at + 1);
        expect(openState(keys, tampered, now)).toEqual({ ok: false, error: 'invalid' });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.nat({ max: state.length - 1 }), fc.string({ maxLength: 8 }), (at, extra) => {
        fc.pre(extra !== '');
        expect(openState(keys, state.slice(0, at), now).ok).toBe(false);
        expect(openState(keys, state + extra, now).ok).toBe(false);
      }),
    );
  });

  it('property: arbitrary strings never open', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (s) => {
        expect(openState(keys, s, now).ok).toBe(false);
      }),
    );
  });

  it('is bound to its purpose and its keys', () => {
    const { state } = createState(keys, input, ttl, now);
    expect(openState(parseEncryptionKeys(generateEncryptionKey('v1')), state, now)).toEqual({ ok: false, error: 'invalid' });
    // A value sealed for something else (a grant, under its mailbox id) is not a state.
    const grantLike = encryptSecret(
      keys,
      JSON.stringify({ w: 'ws', p: 'gmail', v: input.codeVerifier, n: 'x'.repeat(22), e: 9e12 }),
      'mb-1',
    );
    expect(openState(keys, grantLike.replace(':', '.'), now)).toEqual({ ok: false, error: 'invalid' });
    // Sealed right but with the wrong shape.
    const odd = encryptSecret(keys, JSON.stringify({ hello: 'world' }), OAUTH_STATE_ASSOCIATED_DATA);
    expect(openState(keys, odd.replace(':', '.'), now)).toEqual({ ok: false, error: 'invalid' });
    const notJson = encryptSecret(keys, 'not json', OAUTH_STATE_ASSOCIATED_DATA);
    expect(openState(keys, notJson.replace(':', '.'), now)).toEqual({ ok: false, error: 'invalid' });
  });

  it('opens after a key rotation, while the old key is still listed', () => {
    const { state } = createState(keys, input, ttl, now);
    const rotated = parseEncryptionKeys(`${generateEncryptionKey('v2')},v1:${keys.current.key.toString('base64')}`);
    expect(openState(rotated, state, now).ok).toBe(true);
    expect(createState(rotated, input, ttl, now).state.startsWith('v2.')).toBe(true);
  });

  it('gives every state its own nonce and ciphertext', () => {
    const a = createState(keys, input, ttl, now);
    const b = createState(keys, input, ttl, now);
    expect(a.state).not.toBe(b.state);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it('refuses bad input at creation: open redirects, bad verifiers, bad TTLs', () => {
    for (const redirectAfter of ['https://evil.example', '//evil.example', '/\\evil.example', 'settings', '/a b', '/a\u0000b']) {
      expect(() => createState(keys, { ...input, redirectAfter }, ttl, now), redirectAfter).toThrow();
    }
    expect(() => createState(keys, { ...input, codeVerifier: 'short' }, ttl, now)).toThrow();
    expect(() => createState(keys, { ...input, provider: 'yahoo' as 'gmail' }, ttl, now)).toThrow();
    expect(() => createState(keys, input, 0, now)).toThrow(RangeError);
    expect(() => createState(keys, input, 1.5, now)).toThrow(RangeError);
    expect(() => createState(keys, input, ttl, now)).not.toThrow();
    const { redirectAfter: _, ...withoutRedirect } = input;
    const { state } = createState(keys, withoutRedirect, ttl, now);
    const opened = openState(keys, state, now);
    expect(opened.ok && opened.state).not.toHaveProperty('redirectAfter');
  });

  it('refuses oversized input before decoding it', () => {
    expect(openState(keys, `v1.${'A'.repeat(5000)}`, now)).toEqual({ ok: false, error: 'invalid' });
  });
});
