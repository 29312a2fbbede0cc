import type { AskKind, Language } from '../asks';
import type { WorkingCalendar } from '../business-time';
import type { AbuseFinding, ControlSignal } from '../control';
import type { AttachmentLike, InvoiceProposal, PaymentClaim } from '../payments';

/** One stored message as analysis reads it: the visible text only (quotes and signatures already stripped). */
export interface AnalysisMessage {
  id: string;
  threadId: string;
  direction: 'inbound' | 'outbound';
  fromAddress?: string | undefined;
  sentAt: Date;
  subject: string;
  visibleText: string;
  /** Why the visible text is partial, as recorded at ingest (e.g. a 10 MB body cut before stripping). */
  visibleTextNote?: string | undefined;
  /** Auto-Submitted, X-Autoreply, out-of-office or bounce subjects (decided at ingest). */
  isAutoReply: boolean;
  attachments: readonly AttachmentLike[];
  /** Recorded as malformed at ingest: kept in the thread, skipped by analysis. */
  malformed?: boolean | undefined;
}

/** What analysis needs to know about the client a thread belongs to. */
export interface ClientProfile {
  id: string;
  /** BCP 47 tag; the language of its mail when the text itself does not say. */
  locale: string;
  calendar: WorkingCalendar;
  /** Contact addresses (lower-case) and domains (lower-case, no @): "from the client" means either. */
  contactAddresses: readonly string[];
  domains: readonly string[];
  /** How long an ask may stay unanswered, in business hours (PRODUCT §4.1: 2 business days). */
  slaBusinessHours: number;
}

/** The operator's own word on a message: marked (true) or unmarked (false) as an ask. It wins over detection. */
export type AskOverrides = ReadonlyMap<string, boolean>;

export interface AskFinding {
  source: 'detected' | 'operator';
  kind?: AskKind | undefined;
  sentence?: string | undefined;
  rule?: string | undefined;
}

/** Everything analysis found in one message. */
export interface MessageFindings {
  messageId: string;
  threadId: string;
  direction: 'inbound' | 'outbound';
  /** sentAt as analysed: a time in the future of `now` is clamped to `now` (see notes). */
  sentAt: Date;
  language: Language;
  /** Inbound from one of the client's contacts or domains (not a third party on the thread). */
  fromClient: boolean;
  /** Sent outside the client's working time (weekend, holiday, after hours). */
  afterHours: boolean;
  autoReply: boolean;
  ask?: AskFinding | undefined;
  /** The operator unmarked what detection would call an ask. */
  askDismissed?: boolean | undefined;
  control: ControlSignal[];
  abuse: AbuseFinding[];
  paymentClaims: PaymentClaim[];
  invoice?: InvoiceProposal | undefined;
  /** An out-of-office's stated return (local date, client's zone). */
  returnsOn?: string | undefined;
  /** Why this message was skipped or analysed only in part. */
  notes: string[];
}

export interface AskOutcome {
  messageId: string;
  threadId: string;
  askedAt: Date;
  source: 'detected' | 'operator';
  kind?: AskKind | undefined;
  sentence?: string | undefined;
  rule?: string | undefined;
  status: 'open' | 'answered';
  answeredByMessageId?: string | undefined;
  answeredAt?: Date | undefined;
  /** Latest out-of-office return among the client's auto-replies while the ask was open. */
  pausedUntil?: Date | undefined;
}

export type IncidentKind = 'missed_feedback_deadline' | 'late_payment' | 'control_episode' | 'abusive_message';

export interface IncidentDraft {
  kind: IncidentKind;
  /** Stable across re-analysis, so filing is idempotent (`kind:subject id`). */
  dedupeKey: string;
  occurredAt: Date;
  summary: string;
  evidence: { messageIds?: string[]; quotes?: string[]; invoiceIds?: string[]; note?: string };
}

export interface ThreadAnalysis {
  threadId: string;
  clientId: string;
  messages: MessageFindings[];
  asks: AskOutcome[];
  /** Message-level incidents (abusive messages, control episodes). */
  incidents: IncidentDraft[];
}
