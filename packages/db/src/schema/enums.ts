import { clientStatuses, outgoingEmailStates } from '@firmly/core';
import { pgEnum } from 'drizzle-orm/pg-core';

export const mailProvider = pgEnum('mail_provider', ['gmail', 'graph']);
export const mailboxStatus = pgEnum('mailbox_status', ['active', 'needs_reauth', 'paused', 'disconnected']);
export const clientStatus = pgEnum('client_status', clientStatuses);
export const operatorRole = pgEnum('operator_role', ['owner', 'member']);
export const messageDirection = pgEnum('message_direction', ['inbound', 'outbound']);
export const parseStatus = pgEnum('parse_status', ['ok', 'malformed']);
export const askStatus = pgEnum('ask_status', ['open', 'answered', 'dismissed']);
export const askSource = pgEnum('ask_source', ['detected', 'operator']);
export const incidentKind = pgEnum('incident_kind', [
  'missed_feedback_deadline',
  'late_payment',
  'control_episode',
  'abusive_message',
  'other',
]);
export const escalationCause = pgEnum('escalation_cause', ['unresponsive', 'late_payment', 'controlling', 'ending']);
export const escalationStatus = pgEnum('escalation_status', ['open', 'resolved', 'cancelled']);
export const outgoingEmailKind = pgEnum('outgoing_email_kind', [
  'nudge',
  'firm_notice',
  'payment_reminder',
  'work_paused',
  'work_resumed',
  'expectations_reset',
  'termination',
  'closing_report',
  'custom',
]);
export const outgoingEmailState = pgEnum('outgoing_email_state', outgoingEmailStates);
export const recordSource = pgEnum('record_source', ['api', 'csv', 'mailbox', 'operator']);
export const dueRuleKind = pgEnum('due_rule_kind', ['day_of_month', 'net_days']);
export const proposalKind = pgEnum('proposal_kind', ['invoice', 'payment', 'promise', 'dispute']);
export const proposalStatus = pgEnum('proposal_status', ['proposed', 'confirmed', 'rejected']);
