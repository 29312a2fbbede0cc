export { type FoundAmount, findAmounts, parseAmountMinor } from './amounts';
export { paymentBehaviour, slope } from './behaviour';
export { type ClaimInput, type ClaimScan, detectPaymentClaims, MAX_CLAIM_SCAN_CHARS, scanPaymentClaims } from './claims';
export { findInvoiceNumber } from './invoice-number';
export { detectInvoiceSent, type InvoiceSentInput } from './invoice-sent';
export { formatMinor, minorDigits } from './money-text';
export { detectReturnDate, type ReturnDateInput } from './return-date';
export type {
  AttachmentLike,
  InvoiceFacts,
  InvoiceLateness,
  InvoiceProposal,
  Language,
  PaymentBehaviour,
  PaymentClaim,
  PaymentClaimKind,
  PaymentRating,
} from './types';
