import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const nudgeWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: '{{#if severalAsks}}A few open questions{{else}}An open question{{/if}}{{#if projectName}} about {{projectName}}{{/if}}',
    preview: 'A quick reminder of what I still need from you.',
    greeting: EN_GREETING,
    blocks: [
      {
        paragraph:
          'I hope all is well. I am following up on {{#if severalAsks}}a few questions that are{{else}}a question that is{{/if}} still open:',
      },
      { list: 'asks', item: '{{sentence}} (asked on {{askedOn}})' },
      { when: 'blocks', blocks: [{ paragraph: 'Your answer is what I need to continue with {{blocks}}.' }] },
      {
        paragraph:
          'The sooner I hear from you, the sooner the work moves forward; a late answer pushes the timeline back and limits how much I can do for you within it.',
      },
      { paragraph: 'A short reply to this email is all it takes. Thank you!' },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: '{{#if severalAsks}}Nyitott kérdések{{else}}Nyitott kérdés{{/if}}{{#if projectName}}: {{projectName}}{{/if}}',
    preview: ön('Rövid emlékeztető arról, amire még a válaszára várok.', 'Rövid emlékeztető arról, amire még a válaszodra várok.'),
    greeting: HU_GREETING,
    blocks: [
      {
        paragraph: `${ön('Remélem, minden rendben van Önnél.', 'Remélem, minden rendben van veled.')} Szeretnék visszatérni {{#if severalAsks}}néhány kérdésre, amelyre{{else}}egy kérdésre, amelyre{{/if}} még nem kaptam választ:`,
      },
      { list: 'asks', item: '{{sentence}} ({{askedOn}})' },
      {
        when: 'blocks',
        blocks: [
          {
            paragraph: ön(
              'A válaszára azért van szükségem, hogy folytathassam ezt: {{blocks}}.',
              'A válaszodra azért van szükségem, hogy folytathassam ezt: {{blocks}}.',
            ),
          },
        ],
      },
      {
        paragraph: ön(
          'Minél hamarabb válaszol, annál gyorsabban halad a munka; a késve érkező válasz eltolja az ütemezést, és szűkíti, mennyit tudok Önért tenni.',
          'Minél hamarabb válaszolsz, annál gyorsabban halad a munka; a késve érkező válasz eltolja az ütemezést, és szűkíti, mennyit tudok érted tenni.',
        ),
      },
      { paragraph: 'Elég egy rövid válasz erre a levélre. Köszönöm!' },
    ],
    closing: HU_CLOSING,
  },
};
