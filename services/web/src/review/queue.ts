import { api } from '../api/http';
import type { Page, ReviewDetail, ReviewItem } from '../api/types';

/** The review queue's requests (contract: /v1/review-queue…), in one place for the review page's components. */

export const PAGE_SIZE = 50;

export function listQueue(cursor?: string | null): Promise<Page<ReviewItem>> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  return api<Page<ReviewItem>>('GET', `/review-queue?${query}`);
}

export function getDraft(id: string): Promise<ReviewDetail> {
  return api<ReviewDetail>('GET', `/review-queue/${encodeURIComponent(id)}`);
}

export function previewUrl(id: string): string {
  return `/v1/review-queue/${encodeURIComponent(id)}/preview`;
}

export function approveDraft(id: string): Promise<{ item: ReviewItem; sendAfter: string }> {
  return api('POST', `/review-queue/${encodeURIComponent(id)}/approve`);
}

export function editDraft(id: string, edit: { subject?: string; text?: string }): Promise<{ item: ReviewItem }> {
  return api('POST', `/review-queue/${encodeURIComponent(id)}/edit`, edit);
}

export function rejectDraft(id: string, reason: string): Promise<{ item: ReviewItem }> {
  return api('POST', `/review-queue/${encodeURIComponent(id)}/reject`, { reason });
}

export function snoozeDraft(id: string, until: Date): Promise<{ item: ReviewItem }> {
  return api('POST', `/review-queue/${encodeURIComponent(id)}/snooze`, { until: until.toISOString() });
}
