import type { EmailLocale } from '../kinds';
import { EN_CLOSING, EN_GREETING, HU_CLOSING, HU_GREETING } from './signature';
import { type Wording, ön } from './wording';

export const workResumedWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'Payment received, work resumes',
    preview: 'Thank you for the payment.',
    greeting: EN_GREETING,
    blocks: [
      { paragraph: 'Thank you: your payment of {{paidAmount}} arrived on {{paidOn}}, and your account is up to date again.' },
      {
        when: 'invoices',
        blocks: [{ paragraph: 'It settles the following invoices:' }, { list: 'invoices', item: 'Invoice {{number}}' }],
      },
      { paragraph: '{{#if resumesOn}}Work for you resumes on {{resumesOn}}.{{else}}Work for you resumes right away.{{/if}}' },
      { when: 'nextSteps', blocks: [{ paragraph: 'What comes next: {{nextSteps}}' }] },
      { paragraph: 'Thank you for sorting this out so quickly. I look forward to continuing our work.' },
    ],
    closing: EN_CLOSING,
  },
  hu: {
    subject: 'A befizetés megérkezett, folytatom a munkát',
    preview: 'Köszönöm a befizetést.',
    greeting: HU_GREETING,
    blocks: [
      {
        paragraph: ön(
          'Köszönöm, a {{paidAmount}} összegű befizetése megérkezett ({{paidOn}}), így a számlái ismét rendezettek.',
          'Köszönöm, a {{paidAmount}} összegű befizetésed megérkezett ({{paidOn}}), így a számláid ismét rendezettek.',
        ),
      },
      {
        when: 'invoices',
        blocks: [{ paragraph: 'A befizetés a következő számlákat rendezi:' }, { list: 'invoices', item: '{{number}} számú számla' }],
      },
      { paragraph: '{{#if resumesOn}}A munkát {{resumesOn}} napjától folytatom.{{else}}A munkát azonnal folytatom.{{/if}}' },
      { when: 'nextSteps', blocks: [{ paragraph: 'A következő lépés: {{nextSteps}}' }] },
      {
        paragraph: ön(
          'Köszönöm, hogy ilyen gyorsan rendezte. Örülök, hogy folytathatjuk a közös munkát.',
          'Köszönöm, hogy ilyen gyorsan rendezted. Örülök, hogy folytathatjuk a közös munkát.',
        ),
      },
    ],
    closing: HU_CLOSING,
  },
};
