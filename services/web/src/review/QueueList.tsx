import type { ReviewItem } from '../api/types';
import { age, kindLabel } from '../format';
import { follow } from '../router';

interface QueueListProps {
  items: ReviewItem[];
  selectedId: string | undefined;
}

/** The drafts waiting for review, oldest first; each is a link, so Tab, Enter and a new tab all work. */
export function QueueList({ items, selectedId }: QueueListProps) {
  if (items.length === 0) return <p class="empty">Nothing waits for review. New drafts appear here as they are made.</p>;
  return (
    <ol class="queue-list">
      {items.map((item) => (
        <li key={item.id}>
          <a
            href={`/review/${item.id}`}
            onClick={follow}
            class="queue-item"
            data-id={item.id}
            aria-current={item.id === selectedId ? 'true' : undefined}
          >
            <span class="queue-item-head">
              <strong>{item.clientName}</strong>
              <span class="muted" title={`drafted ${new Date(item.createdAt).toLocaleString()}`}>
                {age(item.ageSeconds)}
              </span>
            </span>
            <span class="badge">{kindLabel(item.kind)}</span>
            <span class="queue-item-cause">{item.cause.summary}</span>
          </a>
        </li>
      ))}
    </ol>
  );
}
