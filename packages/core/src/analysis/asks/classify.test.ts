import { describe, expect, it } from 'vitest';
import { classifySentence } from './classify';

/** [sentence, expected rule id, expected kind] */
type Case = [string, string, string];

describe('classifySentence: English rules', () => {
  const asks: Case[] = [
    ['Please send the logo in SVG.', 'en.request.please', 'material'],
    ['Could you approve the posts for next week by Thursday?', 'en.request.could-you', 'approval'],
    ["I'd appreciate it if you could sign off on the calendar today.", 'en.request.would-appreciate', 'approval'],
    ['Would love to hear your thoughts on the logo.', 'en.request.would-appreciate', 'feedback'],
    ['Let me know by Friday whether we can go ahead.', 'en.request.let-me-know', 'approval'],
    ['Hi Anna, send me the price list when you can.', 'en.request.imperative', 'material'],
    ['We need your approval on the ad copy.', 'en.need.from-you', 'approval'],
    ["We'd need the copy for the landing page by Monday.", 'en.material.need', 'material'],
    ['We are still waiting for the photos.', 'en.waiting.for-you', 'material'],
    ['Looking forward to your feedback on the drafts.', 'en.feedback.looking-forward', 'feedback'],
    ['Just checking in on the approval for next week.', 'en.followup.checking-in', 'approval'],
    ['Which version do you prefer, A or B?', 'en.question.question-mark', 'decision'],
    ['do you have the logo in a vector format', 'en.question.no-mark', 'material'],
    ['Could you send the photos today? 🙏', 'en.request.could-you', 'material'],
  ];
  it.each(asks)('%s → %s', (sentence, rule, kind) => {
    expect(classifySentence(sentence, 'en')).toEqual({ sentence, rule, kind });
  });

  const notAsks = [
    'Let me know if you have any questions.',
    'If you need the files in another format, just let me know.',
    'Please find attached the invoice for March.',
    'Please note that our office is closed on Monday.',
    'Thanks for the quick approval!',
    'She asked whether we could move the shoot.',
    "We're waiting for Meta to approve the ad.",
    'How was your weekend?',
    'Who doesn’t love Mondays?',
    'Can you believe it is already December?',
    'We got 2,000 likes in one day???',
    'Our preview is at https://example.com/preview?id=42',
    '"Can we post twice a day?" is a question we get a lot.',
    "I'll send the calendar tomorrow.",
    'Is there anything else I can help you with?',
  ];
  it.each(notAsks)('%s → not an ask', (sentence) => {
    expect(classifySentence(sentence, 'en')).toBeUndefined();
  });

  it('lets a request survive the polite phrase before it', () => {
    expect(classifySentence('Thanks for the photos, could you also send the logo?', 'en')?.rule).toBe('en.request.could-you');
    expect(classifySentence('Let me know if you have questions, and please approve by Friday.', 'en')?.rule).toBe('en.request.please');
  });
});

describe('classifySentence: Hungarian rules', () => {
  const asks: Case[] = [
    ['Kérlek, hagyd jóvá a jövő heti posztokat csütörtökig.', 'hu.request.kerlek', 'approval'],
    ['Hagyd jóvá a posztokat.', 'hu.approval.jova', 'approval'],
    ['Küldenéd a logót SVG-ben?', 'hu.request.conditional-you', 'material'],
    ['Kuldened a logot SVG-ben?', 'hu.request.conditional-you', 'material'],
    ['Várom a visszajelzésed a tervekre.', 'hu.waiting.varom', 'feedback'],
    ['Három poszt vár a jóváhagyásodra.', 'hu.approval.jovahagyasra-var', 'approval'],
    ['Kérem, erősítse meg a megrendelést.', 'hu.request.kerlek', 'approval'],
    ['Legyen szíves aláírni a szerződést.', 'hu.request.szives', 'material'],
    ['Szükségünk lenne a Meta Business Manager hozzáférésre.', 'hu.material.szuksegunk', 'material'],
    ['Érdeklődnék, hogy sikerült-e átnézni a naptárt.', 'hu.question.kerdeznem', 'feedback'],
    ['Írd meg, melyik fotókat használjuk.', 'hu.request.imperative', 'decision'],
    ['Szia Anna, dobd át a jelszót.', 'hu.request.imperative', 'material'],
    ['Melyik verzió tetszik jobban?', 'hu.question.question-mark', 'decision'],
    ['Mikor tudnánk egyeztetni', 'hu.question.no-mark', 'question'],
  ];
  it.each(asks)('%s → %s', (sentence, rule, kind) => {
    expect(classifySentence(sentence, 'hu')).toEqual({ sentence, rule, kind });
  });

  const notAsks = [
    'Ha bármi kérdésed van, szólj nyugodtan.',
    'Ha barmi kerdesed van, szolj nyugodtan.',
    'Elnézést kérek a késői válaszért.',
    'Kérlek, vedd figyelembe, hogy a Metának 24 óra kell.',
    'Köszi a gyors jóváhagyást!',
    'Anna kérdezte, hogy áttehetnénk-e a fotózást.',
    'Arra várunk, hogy a Meta jóváhagyja a hirdetést.',
    'Hogy telt a hétvége?',
    'Ki ne szeretné a hétfőket?',
    'Egy nap alatt 2000 like???',
    'Holnap küldöm a naptárt.',
    'Segíthetek még valamiben?',
    'A hashtageket mi intézzük, nem kell küldened.',
  ];
  it.each(notAsks)('%s → not an ask', (sentence) => {
    expect(classifySentence(sentence, 'hu')).toBeUndefined();
  });
});
