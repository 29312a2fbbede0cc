import type { GmailMethod } from './quota';

const MAIL = 'https://mail.google.com/';
const auth = (name: string) => `https://www.googleapis.com/auth/gmail.${name}`;
export const METADATA_SCOPE = auth('metadata');

/**
 * Scopes that authorize each method, from the Gmail v1 discovery document (`scopes` of
 * each method; gmail.addons.* left out, firmly never holds them).
 */
export const METHOD_SCOPES: Record<GmailMethod, readonly string[]> = {
  'users.getProfile': [MAIL, auth('compose'), auth('metadata'), auth('modify'), auth('readonly')],
  'users.watch': [MAIL, auth('metadata'), auth('modify'), auth('readonly')],
  'users.stop': [MAIL, auth('metadata'), auth('modify'), auth('readonly')],
  'users.history.list': [MAIL, auth('metadata'), auth('modify'), auth('readonly')],
  'users.messages.list': [MAIL, auth('metadata'), auth('modify'), auth('readonly')],
  'users.messages.get': [MAIL, auth('metadata'), auth('modify'), auth('readonly')],
  'users.messages.send': [MAIL, auth('compose'), auth('modify'), auth('send')],
};

/**
 * gmail.metadata alone forbids `q` on messages.list and format full/raw on messages.get
 * (discovery: "cannot be used when accessing the api using the gmail.metadata scope").
 */
export function metadataOnly(scopes: readonly string[]): boolean {
  return scopes.includes(METADATA_SCOPE) && !scopes.some((s) => s === MAIL || s === auth('readonly') || s === auth('modify'));
}
