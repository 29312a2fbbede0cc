import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const workPausedWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'Work paused until the {{#if severalInvoices}}open invoices are{{else}}open invoice is{{/if}} settled',
    preview: 'Work resumes as soon as the payment arrives.',
    greeting: EN_GREETING,
    blocks: [
      {
        paragraph:
          '{{#if reminderSentOn}}Following my reminder of {{reminderSentOn}}, I{{else}}I{{/if}} have not yet received payment for {{#if severalInvoices}}these invoices{{else}}this invoice{{/if}}:',
      },
      { list: 'invoices', item: 'Invoice {{number}}: {{amount}}, due on {{dueOn}}' },
      {
        paragraph:
          'As our contract sets out, work continues while invoices are paid on time, so I am pausing all work for you from {{pausedFrom}} until the outstanding {{total}} arrives.',
      },
      { when: 'paymentDetails', blocks: [{ paragraph: 'Payment details: {{paymentDetails}}' }] },
      {
        paragraph:
          'As soon as the payment arrives, I will resume straight away and let you know. If there is a problem with the invoice or the payment, please reply: I would much rather solve it together than keep the work on hold.',
      },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'A munka szünetel a {{#if severalInvoices}}nyitott számlák{{else}}nyitott számla{{/if}} rendezéséig',
    preview: 'A munka azonnal folytatódik, amint megérkezik a befizetés.',
    greeting: HU_GREETING,
    blocks: [
      {
        paragraph:
          'Korábbi emlékeztetőm{{#if reminderSentOn}} ({{reminderSentOn}}){{/if}} ellenére az alábbi {{#if severalInvoices}}számlák{{else}}számla{{/if}} kiegyenlítése még nem érkezett meg:',
      },
      { list: 'invoices', item: '{{number}} számú számla: {{amount}}, fizetési határidő: {{dueOn}}' },
      {
        paragraph:
          'Ahogy a szerződésünk is rögzíti, a munka a számlák határidőben történő rendezése mellett folyik, ezért {{pausedFrom}} hatállyal minden munkát szüneteltetek, amíg a fennálló összeg ({{total}}) meg nem érkezik.',
      },
      { when: 'paymentDetails', blocks: [{ paragraph: 'Fizetési adatok: {{paymentDetails}}' }] },
      {
        paragraph: ön(
          'Amint megérkezik az átutalás, azonnal folytatom a munkát, és értesítem. Ha a számlával vagy a fizetéssel kapcsolatban akadály merült fel, kérem, írjon: sokkal szívesebben oldjuk meg együtt, mint hogy a munka álljon.',
          'Amint megérkezik az átutalás, azonnal folytatom a munkát, és szólok. Ha a számlával vagy a fizetéssel kapcsolatban akadály merült fel, írj nyugodtan: sokkal szívesebben oldjuk meg együtt, mint hogy a munka álljon.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
