import { useEffect, useRef } from 'preact/hooks';
import type { AuditEvent } from './types';

type Listener = (event: AuditEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;

/**
 * The workspace's audit log, live (GET /v1/events): one EventSource for the whole page, opened
 * once signed in. EventSource reconnects by itself after a dropped connection and resumes
 * with Last-Event-ID, so a page left open keeps up without polling.
 */
export function openLiveEvents(): void {
  if (source) return;
  source = new EventSource('/v1/events');
  source.addEventListener('audit', (message) => {
    const event = parseAudit((message as MessageEvent<string>).data);
    if (event) for (const listener of listeners) listener(event);
  });
}

export function closeLiveEvents(): void {
  source?.close();
  source = undefined;
}

function parseAudit(data: string): AuditEvent | undefined {
  try {
    const value = JSON.parse(data) as Partial<AuditEvent>;
    return typeof value.action === 'string' ? (value as AuditEvent) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` (at most once per `quietMs`) after audit events that `matches` accepts:
 * a burst of events (a bulk approval) refreshes a page once, not once per event.
 */
export function useLiveRefresh(onChange: () => void, matches: (event: AuditEvent) => boolean, quietMs = 400): void {
  const latest = useRef({ onChange, matches });
  latest.current = { onChange, matches };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (event) => {
      if (!latest.current.matches(event)) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.onChange(), quietMs);
    };
    listeners.add(listener);
    return () => {
      clearTimeout(timer);
      listeners.delete(listener);
    };
  }, [quietMs]);
}
