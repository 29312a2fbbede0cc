import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const closingReportWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'Closing report: {{periodStart}} – {{periodEnd}}',
    preview: 'What was delivered, how our collaboration went, and what is still open.',
    greeting: EN_GREETING,
    blocks: [
      { paragraph: 'As promised, here is a summary of our work together from {{periodStart}} to {{periodEnd}}.' },
      { heading: 'What was delivered' },
      { list: 'deliverables', item: '{{description}}{{#if result}}: {{result}}{{/if}}' },
      { heading: 'Communication' },
      {
        paragraph:
          '{{#if medianAnswerHours}}Questions were answered in a median of {{medianAnswerHours}} business hours. {{/if}}{{#if answeredWithinAgreedTime}}Answered within the agreed time: {{answeredWithinAgreedTime}}. {{/if}}Questions still open: {{openAsks}}.',
      },
      { heading: 'Payments' },
      {
        paragraph:
          'Invoices paid: {{invoicesPaid}}, of which after the due date: {{invoicesPaidLate}}{{#if averageDaysLate}} (on average {{averageDaysLate}} days late){{/if}}. {{#if outstanding}}Still outstanding: {{outstanding}}.{{else}}Nothing is outstanding.{{/if}}',
      },
      { when: 'openItems', blocks: [{ heading: 'Open items' }, { list: 'openItems', item: '{{description}}' }] },
      { paragraph: 'The attached PDF holds the same report, with charts of the answer times and of the payments.' },
      { paragraph: 'If you have any questions about this report, just reply to this email.' },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'Zárójelentés: {{periodStart}} – {{periodEnd}}',
    preview: 'Az elvégzett munka, az együttműködés menete és a nyitott tételek.',
    greeting: HU_GREETING,
    blocks: [
      { paragraph: 'Ahogy ígértem, összefoglalom a közös munkánkat a {{periodStart}} és {{periodEnd}} közötti időszakra.' },
      { heading: 'Elvégzett munka és eredmények' },
      { list: 'deliverables', item: '{{description}}{{#if result}}: {{result}}{{/if}}' },
      { heading: 'Kommunikáció' },
      {
        paragraph:
          '{{#if medianAnswerHours}}A kérdésekre adott válaszok medián ideje: {{medianAnswerHours}} munkaóra. {{/if}}{{#if answeredWithinAgreedTime}}A megállapodott időn belül megválaszolt kérdések aránya: {{answeredWithinAgreedTime}}. {{/if}}Nyitott kérdések száma: {{openAsks}}.',
      },
      { heading: 'Fizetések' },
      {
        paragraph:
          'Kifizetett számlák: {{invoicesPaid}}, ebből határidő után: {{invoicesPaidLate}}{{#if averageDaysLate}} (átlagosan {{averageDaysLate}} nap késéssel){{/if}}. {{#if outstanding}}Fennálló tartozás: {{outstanding}}.{{else}}Fennálló tartozás nincs.{{/if}}',
      },
      { when: 'openItems', blocks: [{ heading: 'Nyitott tételek' }, { list: 'openItems', item: '{{description}}' }] },
      { paragraph: 'A csatolt PDF ugyanezt a jelentést tartalmazza, a válaszidők és a fizetések grafikonjaival.' },
      {
        paragraph: ön(
          'Ha a jelentéssel kapcsolatban kérdése van, csak válaszoljon erre a levélre.',
          'Ha a jelentéssel kapcsolatban kérdésed van, csak válaszolj erre a levélre.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
