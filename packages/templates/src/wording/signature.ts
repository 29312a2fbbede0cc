/** The operator signs every client letter; their business name follows when they have one. */
export const SIGNATURE = '{{operatorName}}{{#if operatorBusiness}}\n{{operatorBusiness}}{{/if}}';

export const EN_CLOSING = `Kind regards,\n${SIGNATURE}`;
export const HU_CLOSING = `Üdvözlettel:\n${SIGNATURE}`;
export const EN_GREETING = 'Dear {{clientName}},';
export const HU_GREETING = 'Kedves {{clientName}}!';
