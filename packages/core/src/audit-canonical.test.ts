import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-canonical';

describe('canonical JSON for the audit chain', () => {
  it('orders keys, drops undefined, renders dates and bigints stably', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: new Date('2026-11-29T10:00:00Z') }, n: 12n })).toBe(
      '{"a":{"c":"2026-11-29T10:00:00.000Z"},"b":1,"n":"12"}',
    );
  });

  it('property: key order never changes the output', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});
