import { useEffect, useState } from 'preact/hooks';

/**
 * Paths of the page: the API answers index.html for any of them (its SPA fallback), so a
 * reload or a shared link opens the same view.
 */
export type Route =
  | { name: 'review'; id?: string }
  | { name: 'clients' }
  | { name: 'client'; id: string }
  | { name: 'mailboxes' }
  | { name: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part.length > 0);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'review' };
  if (first === 'review' && parts.length <= 2) return second ? { name: 'review', id: second } : { name: 'review' };
  if (first === 'clients' && parts.length === 1) return { name: 'clients' };
  if (first === 'clients' && second && parts.length === 2) return { name: 'client', id: second };
  if (first === 'mailboxes' && parts.length === 1) return { name: 'mailboxes' };
  return { name: 'not-found', path: pathname };
}

const NAVIGATED = 'firmly:navigated';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePathname(): string {
  const [pathname, setPathname] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPathname(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return pathname;
}

/** For `<a href onClick={follow}>`: a plain click navigates in place; modified clicks (new tab) stay the browser's. */
export function follow(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (anchor.origin !== location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
