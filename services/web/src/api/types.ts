/** The shapes of the API's answers the page reads (the contract in /docs/json, as the page uses it). */

export type Scope = 'read' | 'review' | 'admin';

export interface Me {
  operator: { id: string; email: string; name: string; role: 'owner' | 'member' };
  workspace: { id: string; slug: string; name: string; demo: boolean };
  scopes: Scope[];
  via: 'api_key' | 'session';
}

export interface SignedIn extends Me {
  csrfToken: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type EmailKind =
  | 'nudge'
  | 'firm_notice'
  | 'payment_reminder'
  | 'work_paused'
  | 'work_resumed'
  | 'expectations_reset'
  | 'termination'
  | 'closing_report'
  | 'custom';

export interface SendPlan {
  /** When it would go out if approved now (the client's next working instant); null when nothing will be sent. */
  earliestSendAt: string | null;
  inThread: boolean;
  note: string;
}

export interface ReviewItem {
  id: string;
  clientId: string;
  clientName: string;
  kind: EmailKind;
  state: string;
  subject: string;
  /** type: unresponsive | late_payment | controlling | ending | operator. */
  cause: { type: string; summary: string };
  createdAt: string;
  ageSeconds: number;
  snoozedUntil: string | null;
  to: string[] | null;
  threadId: string | null;
  threadSubject: string | null;
  sendPlan: SendPlan;
  rejectReason: string | null;
  sentAt: string | null;
}

export interface ReviewDetail extends ReviewItem {
  text: string;
  html: string;
}

export interface ClientListItem {
  id: string;
  name: string;
  status: 'active' | 'paused' | 'offboarding' | 'former';
  locale: string;
  timezone: string;
  controlScore: number | null;
  openAsks: number | null;
  overdueInvoices: number;
  pendingDrafts: number;
}

/** GET /clients/:id: the page reads only these; the rest of the record is not shown here. */
export interface ClientRecord {
  id: string;
  name: string;
  status: ClientListItem['status'];
  locale: string;
  timezone: string;
}

export interface HealthSummary {
  clientId: string;
  computedAt: string;
  controlScore: number;
  openAsks: number;
  /** Free-form JSON from the analysis (docs/analysis.md); read defensively in health.ts. */
  responsiveness: Record<string, unknown>;
  control: Record<string, unknown>;
  payments: Record<string, unknown>;
}

export interface ClientCharts {
  answerLatencyByWeek: Array<{ weekStart: string; medianHours: number | null; p90Hours: number | null; answered: number }>;
  daysLateByInvoice: Array<{ invoiceId: string; number: string; dueOn: string; paidOn: string | null; daysLate: number }>;
  controlScore: Array<{ day: string; score: number }>;
}

export interface Ask {
  id: string;
  messageId: string;
  threadId: string;
  sentence: string | null;
  askedAt: string;
  status: 'open' | 'answered' | 'dismissed';
  answeredAt: string | null;
  source: string;
}

export interface Invoice {
  id: string;
  number: string;
  amount: { minor: string; currency: string };
  issuedOn: string;
  dueOn: string;
  paidAmount: { minor: string; currency: string } | string | null;
  status: 'open' | 'overdue' | 'paid';
  daysLate: number | null;
  remindersPaused: boolean;
  disputedAt: string | null;
  promisedPayOn: string | null;
}

export interface TimelineEntry {
  at: string;
  type: 'incident' | 'email' | 'status' | 'invoice' | 'payment' | 'ask';
  title: string;
  detail: string | null;
  ref: string | null;
}

export interface Mailbox {
  id: string;
  provider: 'gmail' | 'graph';
  address: string;
  status: 'active' | 'needs_reauth' | 'paused' | 'disconnected';
  statusReason: string | null;
  lastSyncedAt: string | null;
  lastPushAt: string | null;
  sync?: { messages: number; threads: number; backfillDone: boolean };
}

/** One `event: audit` of GET /v1/events. */
export interface AuditEvent {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  occurredAt: string;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export interface Problem {
  title: string;
  status: number;
  detail?: string;
  invalidParams?: Array<{ name: string; reason: string }>;
}

/** GET /clients/:id/work-log: what was delivered for the client, and what it achieved. */
export interface WorkLogEntry {
  id: string;
  clientId: string;
  doneOn: string;
  title: string;
  link: string | null;
  outcome: string | null;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ManagedAccountPlatform =
  | 'meta_business_suite'
  | 'google_business_profile'
  | 'google_ads'
  | 'google_analytics'
  | 'linkedin_page'
  | 'x'
  | 'tiktok'
  | 'other';

export type AccountOwner = 'client' | 'operator' | 'unknown';

export type HandoverStep = 'not_started' | 'ownership_transferred' | 'operator_access_removed' | 'not_needed';

/** GET /clients/:id/managed-accounts: an account the operator runs, with its handover steps in the client's language. */
export interface ManagedAccount {
  id: string;
  clientId: string;
  platform: ManagedAccountPlatform;
  handle: string;
  accessLevel: string;
  owner: AccountOwner;
  handover: HandoverStep;
  handoverChangedAt: string | null;
  notes: string | null;
  guidance: { locale: 'en' | 'hu'; steps: Array<{ kind: 'give_client_ownership' | 'check' | 'remove_own_access'; text: string }> };
  createdAt: string;
  updatedAt: string;
}

/** GET /clients/:id/incidents: a documented problem in the client's record, the reasons an offboarding may state. */
export interface Incident {
  id: string;
  clientId: string;
  kind: string;
  occurredAt: string;
  summary: string;
  createdAt: string;
}

/** One of the two letters of an offboarding: null until the worker has drafted it. */
export type OffboardingLetter = { emailId: string; state: string } | null;

/** GET /clients/:id/offboarding: the client's latest offboarding, with its letters and the handover as it stands now. */
export interface Offboarding {
  id: string;
  clientId: string;
  state: 'in_progress' | 'completed' | 'cancelled';
  reasons: Array<{ incidentId: string; kind: string; summary: string; occurredAt: string }>;
  /** The last working day, as the letter states it (YYYY-MM-DD). */
  endsOn: string;
  startedAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  letters: { termination: OffboardingLetter; closingReport: OffboardingLetter };
  handover: {
    /** Held while any invoice is overdue; worked out from the invoices at every request. */
    status: 'ready' | 'held_until_paid';
    reason: string | null;
    overdueInvoices: Array<{ number: string; dueOn: string; outstandingMinor: number; currency: string }>;
    accounts: Array<{
      id: string;
      platform: ManagedAccountPlatform;
      handle: string;
      owner: AccountOwner;
      handover: HandoverStep;
      /** Its handover waits for the overdue invoices. */
      held: boolean;
    }>;
  };
}
