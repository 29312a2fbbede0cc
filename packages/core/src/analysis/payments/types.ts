export type Language = 'en' | 'hu';

export interface AttachmentLike {
  name: string;
  contentType: string;
  size: number;
}

/** An outbound message that looks like it carried an invoice; the operator confirms it. */
export interface InvoiceProposal {
  rule: string;
  sentence?: string;
  attachmentName?: string;
  invoiceNumber?: string;
  amountMinor?: number;
  currency?: string;
  dueDate?: string;
}

export type PaymentClaimKind = 'paid' | 'promise' | 'dispute';

export interface PaymentClaim {
  kind: PaymentClaimKind;
  sentence: string;
  rule: string;
  invoiceNumber?: string;
  amountMinor?: number;
  currency?: string;
  /** For promises: the promised local date (the last day of a named span, e.g. next week's Friday). */
  promisedDate?: string;
}

export interface InvoiceFacts {
  invoiceId: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  amountMinor: number;
  currency: string;
  payments: Array<{ paidOn: string; amountMinor: number }>;
}

export interface InvoiceLateness {
  invoiceId: string;
  number: string;
  dueOn: string;
  /** Date the invoice became fully paid, if it did. */
  paidOn?: string;
  /** Calendar days after dueOn when fully paid; for unpaid, days overdue as of today; 0 when on time or not yet due. */
  daysLate: number;
  outstandingMinor: number;
  overdue: boolean;
}

export type PaymentRating = 'reliable' | 'late' | 'drifting' | 'unreliable' | 'unknown';

export interface PaymentBehaviour {
  invoices: InvoiceLateness[];
  /** Days late of the last cycles, oldest first (fully paid invoices, then the current overdue ones counted as of today). */
  recentDaysLate: number[];
  /** Least-squares slope of recentDaysLate per cycle over the last (up to) 4 cycles; undefined with < 3 cycles. */
  driftDaysPerCycle?: number;
  /** PRODUCT §4.2: lateness strictly increasing over the last 3 cycles, by more than 2 days per cycle. */
  drifting: boolean;
  overdueMinor: Record<string, number>;
  oldestOverdueDays: number;
  rating: PaymentRating;
  reasons: string[];
}
