import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const firmNoticeWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'Work on hold until I hear from you{{#if projectName}}: {{projectName}}{{/if}}',
    preview: 'The open questions that are holding the work up.',
    greeting: EN_GREETING,
    blocks: [
      {
        paragraph: 'I have not yet received an answer to {{#if severalAsks}}these {{openAskCount}} questions{{else}}this question{{/if}}:',
      },
      { list: 'asks', item: '{{sentence}} (asked on {{askedOn}})' },
      {
        paragraph:
          'Without {{#if severalAsks}}these answers{{else}}this answer{{/if}} I cannot continue, so the work is on hold until you reply{{#if onHoldFrom}} (since {{onHoldFrom}}){{/if}}.{{#if blocks}} This also holds up {{blocks}}.{{/if}}',
      },
      {
        paragraph:
          'Every day of waiting moves the delivery dates by the same amount, and I would much rather spend that time on your project than on waiting for it.',
      },
      {
        paragraph:
          'As soon as you reply, I will pick the work up again and send you the updated timeline. If something makes it hard to answer right now, tell me and we will find a way.',
      },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'A munka szünetel, amíg nem kapok választ{{#if projectName}}: {{projectName}}{{/if}}',
    preview: 'A nyitott kérdések, amelyek miatt a munka megállt.',
    greeting: HU_GREETING,
    blocks: [
      { paragraph: 'Az alábbi {{#if severalAsks}}{{openAskCount}} kérdésre{{else}}kérdésre{{/if}} még nem kaptam választ:' },
      { list: 'asks', item: '{{sentence}} ({{askedOn}})' },
      {
        paragraph: `{{#if severalAsks}}E válaszok{{else}}E válasz{{/if}} nélkül nem tudom folytatni, ezért a munka szünetel, amíg nem ${ön('jelentkezik', 'jelentkezel')}{{#if onHoldFrom}} (a szünet kezdete: {{onHoldFrom}}){{/if}}.{{#if blocks}} Ez a következőt is érinti: {{blocks}}.{{/if}}`,
      },
      { paragraph: 'Minden nap várakozás ugyanennyivel tolja ki a határidőket, és ezt az időt sokkal szívesebben fordítanám a projektre.' },
      {
        paragraph: ön(
          'Amint válaszol, folytatom a munkát, és elküldöm az új ütemezést. Ha valami miatt most nehéz válaszolnia, kérem, írja meg, és találunk megoldást.',
          'Amint válaszolsz, folytatom a munkát, és elküldöm az új ütemezést. Ha valami miatt most nehéz válaszolnod, írd meg, és találunk megoldást.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
