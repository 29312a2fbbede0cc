import type { ComponentChildren } from 'preact';

/** An error (role=alert, read out at once) or a status line (polite); nothing when empty. */
export function ErrorNote({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return (
    <p class="note note-error" role="alert">
      {children}
    </p>
  );
}

export function StatusLine({ children }: { children?: ComponentChildren }) {
  return (
    <p class="note note-status" role="status" aria-live="polite">
      {children}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="muted">Loading {what}…</p>;
}
