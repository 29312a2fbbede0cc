import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const terminationWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'Ending our collaboration',
    preview: 'My decision, the reason, and the handover.',
    greeting: EN_GREETING,
    blocks: [
      {
        paragraph: 'After careful consideration, I have decided to end our collaboration. My last working day for you will be {{endsOn}}.',
      },
      { paragraph: 'I cannot meet your needs because {{reason}}.' },
      {
        when: 'incidents',
        blocks: [
          { paragraph: 'For the record, these are the occasions I documented:' },
          { list: 'incidents', item: '{{date}}: {{description}}' },
        ],
      },
      {
        when: 'paymentsUpToDate',
        blocks: [
          {
            when: 'accounts',
            blocks: [
              { paragraph: 'I will hand over full access to the accounts I managed for you:' },
              { list: 'accounts', item: '{{name}}' },
            ],
          },
        ],
      },
      {
        when: 'overdueInvoices',
        blocks: [
          { paragraph: 'Before I hand over the accounts I managed for you, the following invoices need to be settled:' },
          { list: 'overdueInvoices', item: 'Invoice {{number}}: {{amount}}, due on {{dueOn}}' },
          { paragraph: 'Outstanding in total: {{overdueTotal}}. As soon as the payment arrives, I will hand over full access.' },
        ],
      },
      { paragraph: 'You will also receive a closing report summarising the work done, the results, and the items still open.' },
      { paragraph: 'Thank you for the opportunity to work together. I wish you every success.' },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'Együttműködésünk lezárása',
    preview: 'A döntésem, az oka és az átadás menete.',
    greeting: HU_GREETING,
    blocks: [
      { paragraph: 'Alapos mérlegelés után úgy döntöttem, hogy lezárom az együttműködésünket. Az utolsó munkanapom {{endsOn}} lesz.' },
      {
        paragraph: ön('Nem tudok megfelelni az Ön igényeinek, mert {{reason}}.', 'Nem tudok megfelelni az igényeidnek, mert {{reason}}.'),
      },
      {
        when: 'incidents',
        blocks: [{ paragraph: 'A dokumentált esetek:' }, { list: 'incidents', item: '{{date}}: {{description}}' }],
      },
      {
        when: 'paymentsUpToDate',
        blocks: [
          {
            when: 'accounts',
            blocks: [
              {
                paragraph: ön(
                  'Az általam kezelt fiókokhoz a teljes hozzáférést átadom Önnek:',
                  'Az általam kezelt fiókokhoz a teljes hozzáférést átadom neked:',
                ),
              },
              { list: 'accounts', item: '{{name}}' },
            ],
          },
        ],
      },
      {
        when: 'overdueInvoices',
        blocks: [
          { paragraph: 'Az általam kezelt fiókok átadása előtt a következő számlákat kell rendezni:' },
          { list: 'overdueInvoices', item: '{{number}} számú számla: {{amount}}, fizetési határidő: {{dueOn}}' },
          { paragraph: 'A fennálló összeg: {{overdueTotal}}. Amint a befizetés megérkezik, átadom a teljes hozzáférést.' },
        ],
      },
      { paragraph: 'Külön levélben zárójelentést is küldök az elvégzett munkáról, az eredményekről és a nyitott tételekről.' },
      { paragraph: 'Köszönöm a lehetőséget a közös munkára, és sok sikert kívánok.' },
    ],
    closing: HU_CLOSING,
  },
};
