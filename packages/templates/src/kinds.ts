/** Every email firmly can draft. The ladders in core pick one; this package only renders it. */
export const EMAIL_KINDS = [
  'nudge',
  'firm_notice',
  'payment_reminder',
  'work_paused',
  'work_resumed',
  'expectations_reset',
  'termination',
  'closing_report',
  'operator_alert',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_LOCALES = ['en', 'hu'] as const;

export type EmailLocale = (typeof EMAIL_LOCALES)[number];

export function isEmailKind(value: string): value is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(value);
}

export function isEmailLocale(value: string): value is EmailLocale {
  return (EMAIL_LOCALES as readonly string[]).includes(value);
}
