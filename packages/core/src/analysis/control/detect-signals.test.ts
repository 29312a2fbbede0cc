import { describe, expect, it } from 'vitest';
import { detectControlSignals, detectControlSignalsWithLimits } from './detect-signals';
import { EN_SIGNAL_RULES } from './signal-rules-en';
import { HU_SIGNAL_RULES } from './signal-rules-hu';
import type { ControlSignalKind, Language } from './types';

const kinds = (text: string, lang: Language) => detectControlSignals(text, lang).map((s) => s.kind);
const rules = (text: string, lang: Language) => detectControlSignals(text, lang).map((s) => s.rule);

describe('detectControlSignals', () => {
  it.each<[string, Language, ControlSignalKind, string]>([
    ['Send me every post before it goes out', 'en', 'approval_demand', 'en.approval.every-item-sent-to-me'],
    ["I need to approve everything before it's published", 'en', 'approval_demand', 'en.approval.every-item'],
    ['Nothing goes live without my OK', 'en', 'approval_demand', 'en.approval.nothing-without-my-ok'],
    ['Minden posztot látni akarok, mielőtt kikerül', 'hu', 'approval_demand', 'hu.approval.minden-posztot'],
    ['Semmi ne menjen ki a jóváhagyásom nélkül', 'hu', 'approval_demand', 'hu.approval.jovahagyasom-nelkul'],
    ['Előbb mutasd meg nekem', 'hu', 'approval_demand', 'hu.approval.elobb-mutasd'],
    ['Can you change the headline again', 'en', 'revision_request', 'en.revision.imperative'],
    ['Looks good, but please swap the photos', 'en', 'revision_request', 'en.revision.can-you-change'],
    ['Még egy kör javítás kellene', 'hu', 'revision_request', 'hu.revision.meg-egy-kor'],
    ['Módosítsd légyszi a szöveget', 'hu', 'revision_request', 'hu.revision.felszolito'],
    ['move the logo 2px to the left', 'en', 'tiny_change', 'en.tiny.pixels'],
    ['change the comma', 'en', 'tiny_change', 'en.tiny.punctuation'],
    ['a bit brighter', 'en', 'tiny_change', 'en.tiny.slightly'],
    ['egy árnyalattal sötétebb', 'hu', 'tiny_change', 'hu.tiny.egy-arnyalattal'],
    ['cseréld ki a vesszőt', 'hu', 'tiny_change', 'hu.tiny.irasjel'],
    ["I don't trust you to do this right", 'en', 'distrust', 'en.distrust.dont-trust'],
    ["I'll check everything myself", 'en', 'distrust', 'en.distrust.do-it-myself'],
    ['Nem bízom benne, hogy ezt időben megcsinálod', 'hu', 'distrust', 'hu.distrust.nem-bizom'],
    ['ASAP', 'en', 'urgency_pressure', 'en.urgency.asap'],
    ['I need the file right now', 'en', 'urgency_pressure', 'en.urgency.right-now'],
    ['azonnal', 'hu', 'urgency_pressure', 'hu.urgency.azonnal'],
    ['sürgős!!!', 'hu', 'urgency_pressure', 'hu.urgency.surgos'],
  ])('%s (%s) → %s by %s', (text, lang, kind, rule) => {
    expect(detectControlSignals(text, lang)).toEqual([{ kind, sentence: text, rule }]);
  });

  it.each<[string, Language]>([
    ['Looks great, approved!', 'en'],
    ['Tetszik, mehet', 'hu'],
    ['Please send me the final version of the contract to approve.', 'en'],
    ['Küldd át kérlek a szerződés végleges verzióját jóváhagyásra.', 'hu'],
    ['Send me all the posts for May in one document and I will approve them together.', 'en'],
    ['Thanks for the changes, no more edits needed.', 'en'],
    ['Köszi a javítást, nem kell több módosítás.', 'hu'],
    ['No rush, whenever you can.', 'en'],
    ['Nem sürgős, ráér.', 'hu'],
  ])('ordinary feedback stays silent: %s', (text, lang) => {
    expect(detectControlSignals(text, lang)).toEqual([]);
  });

  it('returns the sentence as written (trimmed, accents kept), one entry per sentence and kind, in text order', () => {
    const text = '  Szia!\n\nMinden posztot látni akarok, mielőtt kikerül.   Cseréld ki a vesszőt.  Köszi  ';
    expect(detectControlSignals(text, 'hu')).toEqual([
      { kind: 'approval_demand', sentence: 'Minden posztot látni akarok, mielőtt kikerül.', rule: 'hu.approval.minden-posztot' },
      { kind: 'tiny_change', sentence: 'Cseréld ki a vesszőt.', rule: 'hu.tiny.irasjel' },
    ]);
  });

  it('reports a tiny change once, not also as a revision; other kinds in the same sentence are kept', () => {
    expect(kinds('Move the logo 2px to the left.', 'en')).toEqual(['tiny_change']);
    expect(kinds('Change the headline ASAP.', 'en').sort()).toEqual(['revision_request', 'urgency_pressure']);
    expect(kinds('Azonnal javítsd ki a címet!', 'hu').sort()).toEqual(['revision_request', 'urgency_pressure']);
  });

  it('matches Hungarian typed without accents, decomposed accents and shouting', () => {
    expect(rules('Semmi ne menjen ki a jovahagyasom nelkul', 'hu')).toEqual(['hu.approval.jovahagyasom-nelkul']);
    expect(rules('Minden posztot la\u0301tni akarok, mielo\u030btt kikeru\u0308l', 'hu')).toEqual(['hu.approval.minden-posztot']);
    expect(rules('SEND ME EVERY POST BEFORE IT GOES OUT', 'en')).toEqual(['en.approval.every-item-sent-to-me']);
    expect(rules('I don’t trust you', 'en')).toEqual(['en.distrust.dont-trust']);
  });

  it('finds a demand across a hard-wrapped line', () => {
    const text = 'Going forward I want to see each and every caption that you write for us\nbefore you schedule it anywhere.';
    expect(kinds(text, 'en')).toEqual(['approval_demand']);
  });

  it('uses only the rules of the language it is given', () => {
    expect(detectControlSignals('Minden posztot látni akarok, mielőtt kikerül', 'en')).toEqual([]);
    expect(detectControlSignals('Send me every post before it goes out', 'hu')).toEqual([]);
  });

  it('says when the text was longer than it reads', () => {
    expect(detectControlSignalsWithLimits('x '.repeat(30_000), 'en').truncated).toBe(true);
    expect(detectControlSignalsWithLimits('Send me every post before it goes out.', 'en')).toEqual({
      signals: [{ kind: 'approval_demand', sentence: 'Send me every post before it goes out.', rule: 'en.approval.every-item-sent-to-me' }],
      truncated: false,
    });
  });
});

describe('signal rules', () => {
  it('have unique, well-formed ids prefixed by their language and stateless patterns', () => {
    for (const [lang, list] of [
      ['en', EN_SIGNAL_RULES],
      ['hu', HU_SIGNAL_RULES],
    ] as const) {
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of list) {
        expect(rule.id).toMatch(new RegExp(`^${lang}\\.(approval|revision|tiny|distrust|urgency)\\.[a-z0-9-]+$`));
        for (const pattern of [...rule.all, ...(rule.unless ? [rule.unless] : [])]) {
          expect(pattern.global || pattern.sticky, `${rule.id} ${pattern.source.slice(0, 40)}`).toBe(false);
        }
      }
    }
  });
});
