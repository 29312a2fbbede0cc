export { createGmailApi, describeGaxiosError, type GmailApi, type GmailApiOptions, type SpendQuota } from './api';
export { gmailProvider } from './provider';
export { gmailPerUserBudget, gmailQuotaUnits } from './quota';
export { gmailSync } from './sync';
