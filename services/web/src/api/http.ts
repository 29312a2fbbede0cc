import type { Problem } from './types';

/** The readable half of the double-submit pair the API sets at sign-in (the session cookie itself is HttpOnly). */
const CSRF_COOKIE = 'firmly_csrf';

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Whether a session may exist: asking GET /v1/session without one would only log a 401 in the console. */
export function mayHaveSession(): boolean {
  return readCookie(CSRF_COOKIE) !== undefined;
}

/** An answer of the API that was not 2xx, with its problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The reason given for one field (`body.reason`), to show beside that input. */
  reasonFor(field: string): string | undefined {
    return this.problem.invalidParams?.find((param) => param.name === field)?.reason;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when any request answers 401: the session ended (expired, signed out elsewhere). */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/**
 * One request to the API under /v1. The session cookie travels by itself (same origin);
 * every request that changes something echoes the CSRF cookie in `x-csrf-token`.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  const response = await fetch(`/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = isProblem(payload) ? payload : { title: response.statusText || 'Error', status: response.status };
    if (response.status === 401 && path !== '/session') for (const listener of signedOutListeners) listener();
    throw new ApiError(response.status, problem);
  }
  return payload as T;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

/** A message fit to show for any failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.invalidParams?.map((param) => `${param.name}: ${param.reason}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
