import { mapBounded } from '../concurrency';
import type { MailProviderError } from '../errors/index';
import type { ProviderMessage } from '../model';
import type { SyncPage, SyncRequest } from '../provider';
import type { GraphApi } from './api';

/** The folders whose delta firmly follows: what clients send us, and what we send them. */
export const graphFolders = ['inbox', 'sentitems'] as const;
const FETCH_CONCURRENCY = 4;
const RELIST_MARGIN_MS = 24 * 3600_000;

const isExpiredDelta = (e: MailProviderError) => e.status === 410 || /^(syncStateNotFound|resyncRequired)$/i.test(e.code ?? '');

/**
 * Graph sync (issue 3): a delta round per folder. The delta link is the cursor;
 * next links are followed, and the cursor for a folder is only handed out with the
 * page that carries its delta link. A 410 / syncStateNotFound restarts that folder's
 * delta bounded by receivedDateTime (last sync minus a margin) — never a silent skip.
 */
export async function* graphSync(api: GraphApi, request: SyncRequest): AsyncGenerator<SyncPage> {
  const links: Record<string, string> = request.cursor?.provider === 'graph' ? { ...request.cursor.deltaLinks } : {};
  for (const folder of graphFolders) {
    const stored = links[folder];
    try {
      yield* folderRound(
        api,
        folder,
        stored ? { link: stored } : { folder, receivedSince: request.backfillSince },
        links,
        stored ? 'incremental' : 'backfill',
      );
    } catch (error) {
      if (!stored || !isExpiredDelta(error as MailProviderError)) throw error;
      const from = request.lastSyncedAt ?? request.backfillSince;
      yield* folderRound(api, folder, { folder, receivedSince: new Date(from.getTime() - RELIST_MARGIN_MS) }, links, 'relist');
    }
  }
}

async function* folderRound(
  api: GraphApi,
  folder: string,
  start: Parameters<GraphApi['delta']>[0],
  links: Record<string, string>,
  phase: SyncPage['phase'],
): AsyncGenerator<SyncPage> {
  let next: Parameters<GraphApi['delta']>[0] | null = start;
  while (next) {
    const page = await api.delta(next);
    // Removed or moved messages stay in our record: documentation outlives the mailbox.
    const live = page.value.filter((m) => !m['@removed'] && m.id);
    const messages = await mapBounded(
      live,
      FETCH_CONCURRENCY,
      async (m): Promise<ProviderMessage> => ({
        providerMessageId: m.id ?? '',
        providerThreadId: m.conversationId ?? m.id ?? '',
        receivedAt: new Date(m.receivedDateTime ?? 0),
        labels: [folder],
        raw: await api.mime(m.id ?? ''),
      }),
    );
    const deltaLink = page['@odata.deltaLink'];
    if (deltaLink) links[folder] = deltaLink;
    next = page['@odata.nextLink'] ? { link: page['@odata.nextLink'] } : null;
    yield { messages, cursor: deltaLink ? { provider: 'graph', deltaLinks: { ...links } } : null, phase };
  }
}
