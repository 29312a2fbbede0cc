import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const paymentReminderWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: '{{#if severalInvoices}}Open invoices{{else}}Invoice {{firstInvoiceNumber}}{{/if}}: a friendly reminder',
    preview: 'A quick note about an invoice that may have slipped through.',
    greeting: EN_GREETING,
    blocks: [
      {
        paragraph:
          'I am writing about {{#if severalInvoices}}the invoices below, which I have not yet seen paid{{else}}the invoice below, which I have not yet seen paid{{/if}}. It may simply have slipped through; that happens to all of us.',
      },
      { list: 'invoices', item: 'Invoice {{number}}: {{amount}}, due on {{dueOn}}' },
      {
        paragraph:
          '{{#if severalInvoices}}The total is {{total}}. {{/if}}Could you take a moment to arrange the payment? If it is already on its way, please disregard this note, and thank you.',
      },
      { when: 'paymentDetails', blocks: [{ paragraph: 'Payment details: {{paymentDetails}}' }] },
      { paragraph: 'If anything about the invoice is unclear or needs correcting, just reply and I will sort it out.' },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: '{{#if severalInvoices}}Nyitott számlák{{else}}{{firstInvoiceNumber}} számú számla{{/if}}: barátságos emlékeztető',
    preview: 'Rövid jelzés egy számláról, amely talán elkerülte a figyelmet.',
    greeting: HU_GREETING,
    blocks: [
      {
        paragraph: `Az alábbi {{#if severalInvoices}}számlák ügyében írok, amelyek{{else}}számla ügyében írok, amelynek{{/if}} kiegyenlítését még nem látom. Könnyen lehet, hogy egyszerűen elkerülte ${ön('a figyelmét', 'a figyelmedet')}; ez bárkivel előfordul.`,
      },
      { list: 'invoices', item: '{{number}} számú számla: {{amount}}, fizetési határidő: {{dueOn}}' },
      {
        paragraph: `{{#if severalInvoices}}A teljes összeg: {{total}}. {{/if}}${ön(
          'Megkérhetném, hogy intézze el az átutalást? Ha már úton van, kérem, tekintse tárgytalannak ezt a levelet, és köszönöm.',
          'Megkérhetlek, hogy intézd el az átutalást? Ha már úton van, tekintsd tárgytalannak ezt a levelet, és köszönöm.',
        )}`,
      },
      { when: 'paymentDetails', blocks: [{ paragraph: 'Fizetési adatok: {{paymentDetails}}' }] },
      {
        paragraph: ön(
          'Ha a számlával kapcsolatban bármi nem egyértelmű, vagy javítani kell rajta, csak válaszoljon erre a levélre, és rendezem.',
          'Ha a számlával kapcsolatban bármi nem egyértelmű, vagy javítani kell rajta, csak válaszolj erre a levélre, és rendezem.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
