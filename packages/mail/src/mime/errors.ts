/**
 * The one error `parseRawMessage` throws: the bytes hold nothing usable as an email (empty,
 * no RFC 5322 header at all, or the parser failed even on the header block alone).
 * `normaliseProviderMessage` turns it into a `malformed` result; nothing else should see it.
 */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}
