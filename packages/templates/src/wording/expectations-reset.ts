import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const expectationsResetWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'A proposal for how we work together',
    preview: 'One weekly approval instead of approving every item.',
    greeting: EN_GREETING,
    blocks: [
      { paragraph: 'I would like to suggest a change to how we handle approvals, so that I can deliver the results you hired me for.' },
      {
        when: 'examples',
        blocks: [
          { paragraph: 'Recently, each item has needed a separate approval before it could go ahead, for example:' },
          { list: 'examples', item: '{{date}}: {{description}}' },
        ],
      },
      {
        paragraph:
          'When every item is approved one by one, most of my time goes into waiting and small adjustments instead of the work itself, and a coordinated plan cannot come together. Working this way, I cannot do the job you hired me for.',
      },
      {
        paragraph:
          'My proposal: every {{batchWeekday}} I send you {{batchScope}} in one go; you review it and send your feedback in a single reply, and I take care of the rest.{{#if firstBatchOn}} We could start on {{firstBatchOn}}.{{/if}}',
      },
      {
        paragraph:
          'You keep a clear overview and a fixed moment to have your say, and the work gets the room it needs. Please let me know whether this works for you, or what you would change.',
      },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'Javaslat a közös munkánk menetére',
    preview: 'Heti egy jóváhagyás az egyenkénti jóváhagyások helyett.',
    greeting: HU_GREETING,
    blocks: [
      {
        paragraph: ön(
          'Szeretnék javasolni egy változtatást a jóváhagyások menetében, hogy valóban azt az eredményt hozhassam, amelyért megbízott.',
          'Szeretnék javasolni egy változtatást a jóváhagyások menetében, hogy valóban azt az eredményt hozhassam, amelyért megbíztál.',
        ),
      },
      {
        when: 'examples',
        blocks: [
          { paragraph: 'Az utóbbi időben minden egyes elem külön jóváhagyásra várt, mielőtt továbbléphettem, például:' },
          { list: 'examples', item: '{{date}}: {{description}}' },
        ],
      },
      {
        paragraph: ön(
          'Ha minden elemet egyenként kell jóváhagyni, az időm nagy része várakozással és apró módosításokkal telik a tényleges munka helyett, és összehangolt terv sem tud összeállni. Így nem tudom elvégezni azt a munkát, amelyre felkért.',
          'Ha minden elemet egyenként kell jóváhagyni, az időm nagy része várakozással és apró módosításokkal telik a tényleges munka helyett, és összehangolt terv sem tud összeállni. Így nem tudom elvégezni azt a munkát, amelyre felkértél.',
        ),
      },
      {
        paragraph: `${ön(
          'Javaslatom: minden {{batchWeekday}} egyben elküldöm Önnek {{batchScope}}, Ön átnézi, és egyetlen válaszban megírja a visszajelzését, a többit pedig én intézem.',
          'Javaslatom: minden {{batchWeekday}} egyben elküldöm neked {{batchScope}}, te átnézed, és egyetlen válaszban megírod a visszajelzésedet, a többit pedig én intézem.',
        )}{{#if firstBatchOn}} Az első alkalom {{firstBatchOn}} lehetne.{{/if}}`,
      },
      {
        paragraph: ön(
          'Így Ön is átlátja a teljes tervet, és lesz egy biztos pont, amikor elmondhatja a véleményét, a munka pedig megkapja a szükséges teret. Kérem, jelezze, megfelel-e így, vagy min változtatna.',
          'Így te is átlátod a teljes tervet, és lesz egy biztos pont, amikor elmondhatod a véleményedet, a munka pedig megkapja a szükséges teret. Jelezd, kérlek, megfelel-e így, vagy min változtatnál.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
