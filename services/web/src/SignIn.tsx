import { useState } from 'preact/hooks';
import { ApiError, api, describeError } from './api/http';
import type { SignedIn } from './api/types';
import { ErrorNote } from './components/Notice';

/** Sign-in with the workspace's slug, email and password: POST /v1/session sets the session and CSRF cookies. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: SignedIn) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      const me = await api<SignedIn>('POST', '/session', {
        workspace: String(form.get('workspace') ?? '').trim(),
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      onSignedIn(me);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401 ? 'The workspace, email or password is not right.' : describeError(caught),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin" id="main">
      <form class="card signin-form" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to firmly</h1>
        <label for="workspace">Workspace</label>
        <input id="workspace" name="workspace" autoComplete="organization" required placeholder="your-studio" />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <ErrorNote>{error}</ErrorNote>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
