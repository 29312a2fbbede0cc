import type { EmailLocale } from '../kinds';
import type { Wording } from './wording';

// To the operator, from the product: first-name terms in Hungarian, as the product speaks to its user.
export const operatorAlertWording: Readonly<Record<EmailLocale, Wording>> = {
  en: {
    subject: 'firmly: {{alertCount}} {{#if severalAlerts}}clients need{{else}}client needs{{/if}} your attention',
    preview: 'Decisions waiting for you.',
    greeting: 'Hi {{operatorName}},',
    blocks: [
      {
        paragraph:
          '{{#if severalAlerts}}These clients need{{else}}This client needs{{/if}} your judgement. Nothing has been sent to them; the decision is yours.',
      },
      {
        list: 'alerts',
        item: '{{clientName}} ({{raisedAt}}): {{summary}}{{#if recommendation}}\nRecommendation: {{recommendation}}{{/if}}',
      },
      { when: 'pendingReviewCount', blocks: [{ paragraph: 'Drafts waiting for your review: {{pendingReviewCount}}.' }] },
    ],
    closing: 'firmly',
  },
  hu: {
    subject: 'firmly: {{alertCount}} ügyfél figyelmet igényel',
    preview: 'Döntések, amelyek rád várnak.',
    greeting: 'Szia {{operatorName}}!',
    blocks: [
      {
        paragraph:
          '{{#if severalAlerts}}Az alábbi ügyfeleknél{{else}}Az alábbi ügyfélnél{{/if}} a te döntésedre van szükség. {{#if severalAlerts}}Nekik{{else}}Neki{{/if}} nem ment ki semmi; a döntés a tiéd.',
      },
      { list: 'alerts', item: '{{clientName}} ({{raisedAt}}): {{summary}}{{#if recommendation}}\nJavaslat: {{recommendation}}{{/if}}' },
      { when: 'pendingReviewCount', blocks: [{ paragraph: 'Jóváhagyásra váró piszkozatok: {{pendingReviewCount}}.' }] },
    ],
    closing: 'firmly',
  },
};
