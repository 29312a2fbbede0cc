import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidanceLocales, type HandoverStepKind, handoverGuidance, handoverGuidanceFor, handoverPlatforms } from './handover-guidance';

const kindRank: Record<HandoverStepKind, number> = { give_client_ownership: 0, check: 1, remove_own_access: 2 };

describe('handover guidance', () => {
  it('has steps for every platform, each written in English and in Hungarian', () => {
    expect(Object.keys(handoverGuidance).sort()).toEqual([...handoverPlatforms].sort());
    for (const platform of handoverPlatforms) {
      const steps = handoverGuidance[platform];
      expect(steps.length, platform).toBeGreaterThanOrEqual(3);
      for (const step of steps) {
        for (const locale of guidanceLocales) expect(step[locale].trim().length, `${platform} ${locale}`).toBeGreaterThan(20);
        // A Hungarian text that is only the English one copied over would read as done and is not.
        expect(step.hu, platform).not.toBe(step.en);
      }
    }
  });

  it("starts with the client's ownership and ends with removing the operator's own access, never out of order", () => {
    for (const platform of handoverPlatforms) {
      const kinds = handoverGuidance[platform].map((step) => step.kind);
      expect(kinds[0], platform).toBe('give_client_ownership');
      expect(kinds.at(-1), platform).toBe('remove_own_access');
      expect(
        kinds.filter((kind) => kind === 'remove_own_access'),
        platform,
      ).toHaveLength(1);
      const ranks = kinds.map((kind) => kindRank[kind]);
      expect(ranks, platform).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('says in every language, in so many words, that removing the own access comes last', () => {
    for (const platform of handoverPlatforms) {
      const last = handoverGuidance[platform].at(-1);
      expect(last?.en, platform).toMatch(/last/i);
      expect(last?.hu, platform).toMatch(/Utolsó lépésként/);
    }
  });

  it('addresses a Hungarian client formally ("Ön"), never with the familiar "te" forms', () => {
    const words = new Set(
      handoverPlatforms.flatMap((platform) => handoverGuidance[platform].flatMap((step) => step.hu.toLowerCase().match(/\p{L}+/gu) ?? [])),
    );
    expect(words.has('ön')).toBe(true);
    for (const familiar of ['te', 'neked', 'téged', 'nyisd', 'add', 'távolítsd', 'kérd', 'ellenőrizd'])
      expect(words.has(familiar), familiar).toBe(false);
  });

  it("answers in the client's language, and in English for any language it has no text in", () => {
    const hungarian = handoverGuidanceFor('google_ads', 'hu');
    expect(hungarian.locale).toBe('hu');
    expect(hungarian.steps.map((step) => step.text)).toEqual(handoverGuidance.google_ads.map((step) => step.hu));
    fc.assert(
      fc.property(fc.constantFrom(...handoverPlatforms), fc.string(), (platform, locale) => {
        const guidance = handoverGuidanceFor(platform, locale);
        const expected = locale === 'hu' ? 'hu' : 'en';
        expect(guidance.locale).toBe(expected);
        expect(guidance.steps).toEqual(handoverGuidance[platform].map((step) => ({ kind: step.kind, text: step[expected] })));
      }),
    );
  });
});
