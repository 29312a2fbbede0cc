import { useEffect, useRef } from 'preact/hooks';

export type ShortcutAction = 'next' | 'previous' | 'approve' | 'edit' | 'reject' | 'snooze' | 'help';

/** The review page's keys; the help dialog lists them from here. */
export const SHORTCUTS: ReadonlyArray<{ key: string; action: ShortcutAction; label: string }> = [
  { key: 'j', action: 'next', label: 'Next draft' },
  { key: 'k', action: 'previous', label: 'Previous draft' },
  { key: 'a', action: 'approve', label: 'Approve' },
  { key: 'e', action: 'edit', label: 'Edit subject and text' },
  { key: 'r', action: 'reject', label: 'Reject (asks a reason)' },
  { key: 's', action: 'snooze', label: 'Snooze until…' },
  { key: '?', action: 'help', label: 'Show these shortcuts' },
];

const BY_KEY = new Map(SHORTCUTS.map((shortcut) => [shortcut.key, shortcut.action]));

/** Typing in a field, or a modal dialog being open, must never trigger an action. */
function typingOrInDialog(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Single-key shortcuts on the whole page (keys with Ctrl, Alt or Meta stay the browser's). */
export function useShortcuts(handler: (action: ShortcutAction) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typingOrInDialog(event.target)) return;
      const action = BY_KEY.get(event.key);
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
