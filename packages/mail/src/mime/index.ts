export { type AutoReplyInput, detectAutoReply } from './auto-reply';
export { parseMailDate } from './date';
export { MalformedMessageError } from './errors';
export { htmlToText } from './html-to-text';
export { chooseSentAt, MAX_FUTURE_SKEW_MS, type MailboxIdentity, normaliseProviderMessage } from './normalise';
export { MAX_PARSE_BYTES, parseRawMessage } from './parse';
