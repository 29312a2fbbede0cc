export { createGmailApi, describeGaxiosError, type GmailApi, type GmailApiOptions, type SpendQuota } from './api';
export { gmailProvider } from './provider';
export { GMAIL_UNITS_PER_SECOND, gmailBudget, gmailQuotaUnits } from './quota';
export { gmailSync } from './sync';
