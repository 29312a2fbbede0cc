import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecryptionError, decryptSecret, encryptSecret, generateEncryptionKey, needsReencryption, parseEncryptionKeys } from './encryption';

describe('grant encryption', () => {
  const v1 = generateEncryptionKey('v1');
  const v2 = generateEncryptionKey('v2');

  it('property: round-trips any text, with a fresh IV each time', () => {
    const keys = parseEncryptionKeys(v1);
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (secret, mailboxId) => {
        const sealed = encryptSecret(keys, secret, mailboxId);
        expect(sealed.startsWith('v1:')).toBe(true);
        expect(decryptSecret(keys, sealed, mailboxId)).toBe(secret);
        expect(encryptSecret(keys, secret, mailboxId)).not.toBe(sealed);
      }),
      { numRuns: 50 },
    );
  });

  it('rotates: the new key encrypts, the old one still decrypts, old rows are flagged for re-encryption', () => {
    const before = parseEncryptionKeys(v1);
    const sealedOld = encryptSecret(before, 'refresh-token', 'mb-1');
    const after = parseEncryptionKeys(`${v2},${v1}`);
    expect(decryptSecret(after, sealedOld, 'mb-1')).toBe('refresh-token');
    expect(needsReencryption(after, sealedOld)).toBe(true);
    const sealedNew = encryptSecret(after, 'refresh-token', 'mb-1');
    expect(sealedNew.startsWith('v2:')).toBe(true);
    expect(needsReencryption(after, sealedNew)).toBe(false);
    expect(() => decryptSecret(before, sealedNew, 'mb-1')).toThrow('no key for version "v2"');
  });

  it('refuses a grant moved to another mailbox, or tampered with', () => {
    const keys = parseEncryptionKeys(v1);
    const sealed = encryptSecret(keys, 'refresh-token', 'mb-1');
    expect(() => decryptSecret(keys, sealed, 'mb-2')).toThrow(DecryptionError);
    const body = Buffer.from(sealed.slice(3), 'base64url');
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(keys, `v1:${body.toString('base64url')}`, 'mb-1')).toThrow(DecryptionError);
  });

  it('validates the key list', () => {
    expect(() => parseEncryptionKeys('abc')).toThrow('version prefix');
    expect(() => parseEncryptionKeys('v1:c2hvcnQ=')).toThrow('32 bytes');
    expect(() => parseEncryptionKeys(`${v1},${v1}`)).toThrow('listed twice');
  });
});
