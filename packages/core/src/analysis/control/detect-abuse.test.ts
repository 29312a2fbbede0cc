import { describe, expect, it } from 'vitest';
import { EN_ABUSE_RULES } from './abuse-rules-en';
import { HU_ABUSE_RULES } from './abuse-rules-hu';
import { detectAbuse, detectAbuseWithLimits, maskQuotedWords } from './detect-abuse';
import type { AbuseSeverity, Language } from './types';

describe('detectAbuse', () => {
  it.each<[string, Language, AbuseSeverity, string]>([
    ['You are a complete idiot.', 'en', 'insult', 'en.insult.you-are'],
    ['You incompetent clown.', 'en', 'insult', 'en.insult.you-idiot'],
    ['Your designs are garbage.', 'en', 'insult', 'en.insult.your-work-is-garbage'],
    ['I will destroy your reputation.', 'en', 'threat', 'en.threat.harm-you'],
    ['We will sue you for every penny.', 'en', 'threat', 'en.threat.harm-you'],
    ["I'm going to leave a one-star review everywhere.", 'en', 'threat', 'en.threat.public-shaming'],
    ['Go fuck yourself.', 'en', 'profanity', 'en.profanity.fuck-you'],
    ['Hülye vagy?', 'hu', 'insult', 'hu.insult.hulye-vagy'],
    ['A munkád egy rakás szar.', 'hu', 'insult', 'hu.insult.munkad-szar'],
    ['Feljelentelek a fogyasztóvédelemnél.', 'hu', 'threat', 'hu.threat.feljelentelek'],
    ['Ezt még megbánod.', 'hu', 'threat', 'hu.threat.tonkreteszlek'],
    ['Baszódj meg!', 'hu', 'profanity', 'hu.profanity.baszodj-meg'],
  ])('%s (%s) → %s by %s', (text, lang, severity, rule) => {
    expect(detectAbuse(text, lang)).toEqual([{ sentence: text, rule, severity }]);
  });

  it.each<[string, Language]>([
    ['This is frustrating.', 'en'],
    ['Holy shit, this looks amazing!', 'en'],
    ['This killer content is exactly what we needed.', 'en'],
    ['This fucking printer jammed again, sorry.', 'en'],
    ['Brutális jó lett!', 'hu'],
    ['Kurva jó lett!', 'hu'],
    ['A francba, elfelejtettem csatolni.', 'hu'],
    ['Ez a rohadt nyomtató megint lefagyott.', 'hu'],
    ['Milyen hülye ötlet volt tőlem.', 'hu'],
  ])('frustration, slang and swearing at the world are not abuse: %s', (text, lang) => {
    expect(detectAbuse(text, lang)).toEqual([]);
  });

  it('ignores words in quotation marks: they are mentioned, not used', () => {
    expect(detectAbuse('The script says "you idiot", please cut it.', 'en')).toEqual([]);
    expect(detectAbuse("Someone wrote 'your work is garbage' under the post, can you answer?", 'en')).toEqual([]);
    expect(detectAbuse('Valaki azt írta, hogy „hülye vagy”, válaszolnál?', 'hu')).toEqual([]);
    // Outside the quotes it still counts.
    expect(detectAbuse('You idiot, the client said "great" and you ignored it.', 'en').map((f) => f.severity)).toEqual(['insult']);
  });

  it('reports one finding per sentence, the most serious one', () => {
    expect(detectAbuse("You idiot, I'll sue you.", 'en')).toEqual([
      { sentence: "You idiot, I'll sue you.", rule: 'en.threat.harm-you', severity: 'threat' },
    ]);
    expect(detectAbuse('Fuck you. You are useless.', 'en').map((f) => f.severity)).toEqual(['profanity', 'insult']);
  });

  it('says when the text was longer than it reads', () => {
    expect(detectAbuseWithLimits('ok '.repeat(20_000), 'en').truncated).toBe(true);
    expect(detectAbuseWithLimits('ok', 'hu')).toEqual({ findings: [], truncated: false });
  });
});

describe('maskQuotedWords', () => {
  it('blanks double-quoted spans and single-quoted phrases but not apostrophes inside words', () => {
    expect(maskQuotedWords('he said "you idiot" twice')).toBe('he said  "q"  twice');
    expect(maskQuotedWords("don't say 'you idiot' ok")).toBe('don\'t say  "q"  ok');
    expect(maskQuotedWords("it's fine, you're great")).toBe("it's fine, you're great");
  });
});

describe('abuse rules', () => {
  it('have unique ids with language and severity prefixes and stateless patterns', () => {
    for (const [lang, list] of [
      ['en', EN_ABUSE_RULES],
      ['hu', HU_ABUSE_RULES],
    ] as const) {
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of list) {
        expect(rule.id.startsWith(`${lang}.${rule.label}.`), rule.id).toBe(true);
        for (const pattern of [...rule.all, ...(rule.unless ? [rule.unless] : [])]) expect(pattern.global || pattern.sticky).toBe(false);
      }
    }
  });
});
