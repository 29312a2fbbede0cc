/** Scopes the sandbox's consent screen accepts: Google's short OIDC names and any googleapis.com scope. */
export function isKnownScope(scope: string): boolean {
  return ['openid', 'email', 'profile', 'https://mail.google.com/'].includes(scope) || scope.startsWith('https://www.googleapis.com/auth/');
}

export const GMAIL_READONLY = 'https://www.googleapis.com/auth/gmail.readonly';
export const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';
