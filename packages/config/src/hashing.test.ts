import { describe, expect, it } from 'vitest';
import { apiKeyMatches, hashPassword, issueApiKey, parseApiKeyPrefix, verifyPassword } from './hashing';

describe('API keys and passwords', () => {
  it('stores only a hash of an API key, and finds its row by the public prefix', () => {
    const key = issueApiKey();
    expect(key.hash).not.toContain(key.token);
    expect(parseApiKeyPrefix(key.token)).toBe(key.prefix);
    expect(apiKeyMatches(key.token, key.hash)).toBe(true);
    expect(apiKeyMatches(`${key.token.slice(0, -1)}x`, key.hash)).toBe(false);
    expect(parseApiKeyPrefix('Bearer nonsense')).toBeUndefined();
  });

  it('hashes passwords with a salt and verifies them', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
