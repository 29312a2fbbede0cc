/**
 * The one model every provider's messages are normalised into (issue 3, "Normalise").
 * Provider adapters produce it; the ingest layer stores it; analysis reads it.
 */
export type MailProviderName = 'gmail' | 'graph';

export interface Address {
  /** Lower-cased, trimmed. */
  address: string;
  name?: string;
}

export interface AttachmentInfo {
  name: string;
  contentType: string;
  /** Bytes of the decoded attachment; bodies are never kept. */
  size: number;
}

export interface AutoReplyMarker {
  isAutoReply: boolean;
  /** Why, e.g. "Auto-Submitted: auto-replied", "subject: Out of office", "delivery status notification". */
  reason?: string;
  /** An out-of-office's return date, when the text states one (ISO date); filled by analysis later. */
  returnsOn?: string;
}

/** What MIME parsing yields from one raw RFC 5322 message. */
export interface ParsedMessage {
  /** Without angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  subject?: string;
  from?: Address;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  /** From the Date header; undefined when missing or unparseable. */
  date?: Date;
  /** text/plain when present, else text converted from the HTML part. Full text, quotes included. */
  text: string;
  html?: string;
  attachments: AttachmentInfo[];
  autoReply: AutoReplyMarker;
  /** Header names lower-cased, values decoded; only the ones threading and auto-reply detection use. */
  headers: Record<string, string>;
}

/**
 * A message as the provider reported it: ids and labels from the API, content from
 * the raw MIME (Gmail `format=raw`, Graph `$value`) or from the API's own fields.
 */
export interface ProviderMessage {
  providerMessageId: string;
  /** Gmail threadId / Graph conversationId. */
  providerThreadId: string;
  /** Provider's receipt time (Gmail internalDate, Graph receivedDateTime); the fallback for a missing Date. */
  receivedAt: Date;
  /** Gmail labelIds / Graph folder; used to tell sent from received. */
  labels: string[];
  raw?: Buffer;
}

/**
 * What ingest keeps of a parsed message: everything but the bodies. The visible text is cut
 * from them while parsing, and nothing later reads them — while copying two full bodies (text
 * and HTML) back from the parsing thread cost the main thread more than storing the page.
 */
export type MessageWithoutBodies = Omit<ParsedMessage, 'text' | 'html'>;

/** The result of normalising one provider message; a malformed one is recorded, not thrown. */
export type NormalizedMessage =
  | {
      status: 'ok';
      providerMessageId: string;
      providerThreadId: string;
      parsed: MessageWithoutBodies;
      /** The new text the sender wrote: quoted history, signatures and disclaimers stripped (@firmly/core extractVisibleText). */
      visibleText: string;
      /** Why the visible text is partial (a body too large to strip whole), when it is. */
      visibleTextNote?: string;
      sentAt: Date;
      direction: 'inbound' | 'outbound';
    }
  | {
      status: 'malformed';
      providerMessageId: string;
      providerThreadId: string;
      sentAt: Date;
      error: string;
    };
