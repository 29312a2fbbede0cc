export { createGmailApi, type GmailApi, GmailApiError, type GmailApiOptions, retryAfterMs, type SpendQuota } from './api';
export { gmailProvider } from './provider';
export { gmailPerUserBudget, gmailQuotaUnits } from './quota';
export { gmailSync } from './sync';
