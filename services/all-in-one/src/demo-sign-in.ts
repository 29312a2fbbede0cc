import { DEMO_WORKSPACE_SLUG } from './demo-clients';
import type { DemoWorkspace } from './demo-workspace';

/**
 * What `npm start` prints about the demo: where to sign in and as whom. The password exists
 * in clear only on the start that generated it (it is stored hashed), so later starts say
 * where it went instead.
 */
export function demoSignInLines(serverUrl: string, demo: Pick<DemoWorkspace, 'owner' | 'password'>): string[] {
  const page = `${serverUrl.replace(/\/+$/, '')}/`;
  const who = `workspace ${DEMO_WORKSPACE_SLUG}, email ${demo.owner.email}`;
  if (demo.password) {
    return [`Sign in at ${page} with ${who}, password ${demo.password}`, '(the password is shown only this once; it is stored hashed)'];
  }
  const reset = 'npm run demo:reset-password';
  return demo.owner.hasPassword
    ? [`Sign in at ${page} with ${who} and the password shown at the first start (forgot it? ${reset})`]
    : [`Sign in at ${page} with ${who} once it has a password: ${reset}`];
}
