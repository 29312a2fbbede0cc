import { GraphHttpError } from './errors';
import type { FolderName, Mailbox, StoredMessage } from './mailbox';

/**
 * Delta state travels in the URL, as in Graph: `$skiptoken` for the next page of a
 * round, `$deltatoken` for the next round. Both are opaque to the client (base64url
 * JSON here); firmly must store and follow the links, never build them.
 *
 * A round covers the changes in (since, upTo], `upTo` fixed when the round starts,
 * so changes made while the client pages through land in the next round.
 */
interface TokenState {
  v: 1;
  kind: 'skip' | 'delta';
  /** Mailbox user id: a token only works for the mailbox that issued it. */
  user: string;
  folder: FolderName;
  since: number;
  /** skip only: the round's upper bound and the last sequence number already returned. */
  upTo?: number;
  cursor?: number;
  /** skip only: the initial round lists current messages and no removals. */
  initial?: boolean;
  /** `$select` of the round's first request; Graph keeps it in the state token too. */
  select?: string[];
  /** `$filter=receivedDateTime ge|gt …` of the first request, kept for the whole sync like $select. */
  receivedSince?: ReceivedSince;
  generation: number;
  issuedAtMs: number;
}

/** The one filter Graph's message delta accepts. */
export interface ReceivedSince {
  ms: number;
  inclusive: boolean;
}

export interface DeltaRound {
  folder: FolderName;
  since: number;
  upTo: number;
  cursor: number;
  initial: boolean;
  select: string[] | undefined;
  receivedSince: ReceivedSince | undefined;
}

export type DeltaEntry = { kind: 'upsert'; message: StoredMessage } | { kind: 'removed'; id: string };

export interface DeltaPage {
  entries: DeltaEntry[];
  /** Set when more pages follow in this round. */
  nextCursor?: number;
}

const encode = (state: TokenState) => Buffer.from(JSON.stringify(state)).toString('base64url');

export function skipToken(mailbox: Mailbox, round: DeltaRound, cursor: number, nowMs: number): string {
  return encode({
    v: 1,
    kind: 'skip',
    user: mailbox.user.id,
    folder: round.folder,
    since: round.since,
    upTo: round.upTo,
    cursor,
    initial: round.initial,
    ...(round.select ? { select: round.select } : {}),
    ...(round.receivedSince ? { receivedSince: round.receivedSince } : {}),
    generation: mailbox.deltaGeneration,
    issuedAtMs: nowMs,
  });
}

export function deltaToken(mailbox: Mailbox, round: DeltaRound, nowMs: number): string {
  return encode({
    v: 1,
    kind: 'delta',
    user: mailbox.user.id,
    folder: round.folder,
    since: round.upTo,
    ...(round.select ? { select: round.select } : {}),
    ...(round.receivedSince ? { receivedSince: round.receivedSince } : {}),
    generation: mailbox.deltaGeneration,
    issuedAtMs: nowMs,
  });
}

function decode(token: string): TokenState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenState>;
    if (state.v !== 1 || (state.kind !== 'skip' && state.kind !== 'delta')) return undefined;
    if (typeof state.user !== 'string' || typeof state.since !== 'number' || typeof state.issuedAtMs !== 'number') return undefined;
    return state as TokenState;
  } catch {
    return undefined;
  }
}

/**
 * The round a request continues: a new initial round without a token, the next page
 * with `$skiptoken`, the next round with `$deltatoken`. Throws 410 syncStateNotFound for
 * expired tokens, which makes firmly fall back to a full re-list.
 */
export function resolveRound(
  mailbox: Mailbox,
  folder: FolderName,
  query: { skipToken?: string; deltaToken?: string; select?: string[]; receivedSince?: ReceivedSince },
  now: { nowMs: number; lifetimeMs: number },
): DeltaRound {
  const raw = query.skipToken ?? query.deltaToken;
  if (!raw) {
    return {
      folder,
      since: 0,
      upTo: mailbox.currentSeq,
      cursor: 0,
      initial: true,
      select: query.select,
      receivedSince: query.receivedSince,
    };
  }
  const state = decode(raw);
  const expectedKind = query.skipToken ? 'skip' : 'delta';
  if (!state || state.kind !== expectedKind || state.user !== mailbox.user.id || state.folder !== folder) {
    throw new GraphHttpError(400, 'BadRequest', `The ${expectedKind} token is malformed or was issued for another mailbox or folder.`);
  }
  if (state.generation !== mailbox.deltaGeneration || now.nowMs - state.issuedAtMs > now.lifetimeMs) {
    throw new GraphHttpError(
      410,
      'syncStateNotFound',
      'The sync state generation is not found. The delta token is expired; restart the synchronization without a token.',
    );
  }
  if (state.kind === 'skip') {
    return {
      folder,
      since: state.since,
      upTo: state.upTo ?? mailbox.currentSeq,
      cursor: state.cursor ?? state.since,
      initial: state.initial ?? false,
      select: state.select,
      receivedSince: state.receivedSince,
    };
  }
  return {
    folder,
    since: state.since,
    upTo: mailbox.currentSeq,
    cursor: state.since,
    initial: false,
    select: state.select,
    receivedSince: state.receivedSince,
  };
}

/**
 * One page of a round: the latest change per message in (since, upTo] for this folder,
 * ordered by that change, after `cursor`. A message whose latest change is an upsert but
 * which has since left the folder is skipped here; its removal comes in the next round.
 */
export function deltaPage(mailbox: Mailbox, round: DeltaRound, pageSize: number): DeltaPage {
  const latest = new Map<string, { seq: number; kind: 'upsert' | 'removed' }>();
  for (const event of mailbox.events) {
    if (event.seq <= round.since) continue;
    if (event.seq > round.upTo) break;
    if (event.folder !== round.folder) continue;
    latest.set(event.messageId, { seq: event.seq, kind: event.kind });
  }
  const window = [...latest.entries()]
    .map(([id, change]) => ({ id, ...change }))
    .filter((change) => change.seq > round.cursor && !(round.initial && change.kind === 'removed'))
    .sort((a, b) => a.seq - b.seq);
  const page = window.slice(0, pageSize);
  const entries: DeltaEntry[] = [];
  for (const change of page) {
    if (change.kind === 'removed') {
      entries.push({ kind: 'removed', id: change.id });
      continue;
    }
    const message = mailbox.messages.get(change.id);
    if (message && message.folder === round.folder && receivedInRange(message, round.receivedSince))
      entries.push({ kind: 'upsert', message });
  }
  const last = page[page.length - 1];
  return window.length > pageSize && last ? { entries, nextCursor: last.seq } : { entries };
}

function receivedInRange(message: StoredMessage, since: ReceivedSince | undefined): boolean {
  if (!since) return true;
  // Graph compares at whole seconds.
  const received = Math.floor(message.receivedAt.getTime() / 1000);
  const bound = Math.floor(since.ms / 1000);
  return since.inclusive ? received >= bound : received > bound;
}
