import type { Me } from '../api/types';
import { follow, type Route } from '../router';

interface NavProps {
  me: Me;
  route: Route;
  onSignOut: () => void;
}

const LINKS = [
  { href: '/', label: 'Review queue', section: 'review' },
  { href: '/clients', label: 'Clients', section: 'clients' },
  { href: '/mailboxes', label: 'Mailboxes', section: 'mailboxes' },
] as const;

function sectionOf(route: Route): string {
  if (route.name === 'client') return 'clients';
  return route.name;
}

export function Nav({ me, route, onSignOut }: NavProps) {
  const current = sectionOf(route);
  return (
    <header class="topbar">
      <a class="brand" href="/" onClick={follow}>
        firmly
      </a>
      <nav aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.href}>
              <a href={link.href} onClick={follow} aria-current={current === link.section ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span class="muted" title={me.operator.email}>
          {me.workspace.name}
        </span>
        <button type="button" class="link-button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
