import { DecryptionError, encryptSecret, generateEncryptionKey, parseEncryptionKeys } from '@firmly/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Grant, GrantFormatError, openGrant, sealGrant } from './grant';

const keys = parseEncryptionKeys(generateEncryptionKey('v1'));

describe('sealed grants', () => {
  it('property: round-trip with and without an access token', () => {
    const grantArb: fc.Arbitrary<Grant> = fc.record(
      {
        provider: fc.constantFrom('gmail' as const, 'graph' as const),
        refreshToken: fc.string({ minLength: 1 }),
        accessToken: fc.string({ minLength: 1 }),
        accessTokenExpiresAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        scope: fc.string(),
      },
      { requiredKeys: ['provider', 'refreshToken', 'scope'] },
    );
    fc.assert(
      fc.property(grantArb, fc.uuid(), (grant, mailboxId) => {
        expect(openGrant(keys, sealGrant(keys, grant, mailboxId), mailboxId)).toEqual(grant);
      }),
    );
  });

  it('fails to open in another mailbox, under another key, or tampered with', () => {
    const grant: Grant = { provider: 'graph', refreshToken: 'rt', accessToken: 'at', accessTokenExpiresAt: new Date(), scope: 'Mail.Send' };
    const sealed = sealGrant(keys, grant, 'mb-1');
    expect(() => openGrant(keys, sealed, 'mb-2')).toThrow(DecryptionError);
    expect(() => openGrant(parseEncryptionKeys(generateEncryptionKey('v1')), sealed, 'mb-1')).toThrow(DecryptionError);
    expect(() => openGrant(keys, `${sealed.slice(0, -2)}AA`, 'mb-1')).toThrow(DecryptionError);
  });

  it('refuses a sealed value that is not a grant', () => {
    expect(() => openGrant(keys, encryptSecret(keys, 'plain', 'mb-1'), 'mb-1')).toThrow(GrantFormatError);
    expect(() => openGrant(keys, encryptSecret(keys, '{"v":2}', 'mb-1'), 'mb-1')).toThrow(GrantFormatError);
    expect(() => sealGrant(keys, { provider: 'gmail', refreshToken: 'rt', scope: '' }, '')).toThrow();
  });
});
