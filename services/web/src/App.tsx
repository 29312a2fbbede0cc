import { useCallback, useEffect, useState } from 'preact/hooks';
import { closeLiveEvents, openLiveEvents } from './api/events';
import { api, mayHaveSession, onSignedOut } from './api/http';
import type { Me } from './api/types';
import { ClientPage } from './clients/ClientPage';
import { ClientsPage } from './clients/ClientsPage';
import { Nav } from './components/Nav';
import { Loading } from './components/Notice';
import { MailboxesPage } from './mailboxes/MailboxesPage';
import { ReviewPage } from './review/ReviewPage';
import { follow, parseRoute, type Route, usePathname } from './router';
import { SignIn } from './SignIn';

type SessionState = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; me: Me };

export function App() {
  const [session, setSession] = useState<SessionState>(() => (mayHaveSession() ? { kind: 'checking' } : { kind: 'signed-out' }));
  const route = parseRoute(usePathname());

  useEffect(() => {
    if (session.kind !== 'checking') return;
    api<Me>('GET', '/session').then(
      (me) => setSession({ kind: 'signed-in', me }),
      () => setSession({ kind: 'signed-out' }),
    );
  }, [session.kind]);

  useEffect(() => onSignedOut(() => setSession({ kind: 'signed-out' })), []);

  useEffect(() => {
    if (session.kind !== 'signed-in') return;
    openLiveEvents();
    return closeLiveEvents;
  }, [session.kind]);

  const signOut = useCallback(async () => {
    await api('DELETE', '/session').catch(() => undefined);
    setSession({ kind: 'signed-out' });
  }, []);

  if (session.kind === 'checking') return <Loading what="your session" />;
  if (session.kind === 'signed-out') return <SignIn onSignedIn={(me) => setSession({ kind: 'signed-in', me })} />;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Nav me={session.me} route={route} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        <Page route={route} me={session.me} />
      </main>
    </>
  );
}

function Page({ route, me }: { route: Route; me: Me }) {
  switch (route.name) {
    case 'review':
      return <ReviewPage selectedId={route.id} canReview={me.scopes.includes('review')} />;
    case 'clients':
      return <ClientsPage />;
    case 'client':
      return <ClientPage id={route.id} />;
    case 'mailboxes':
      return <MailboxesPage canAdmin={me.scopes.includes('admin')} />;
    case 'not-found':
      return (
        <section>
          <h1>Nothing here</h1>
          <p>
            There is no page at <code>{route.path}</code>.{' '}
            <a href="/" onClick={follow}>
              Go to the review queue
            </a>
            .
          </p>
        </section>
      );
  }
}
