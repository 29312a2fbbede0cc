import type { HandoverStep, ManagedAccountPlatform } from '../api/types';

/** A managed account's platform as the operator knows it. */
export const PLATFORM_LABELS: Record<ManagedAccountPlatform, string> = {
  meta_business_suite: 'Meta Business Suite',
  google_business_profile: 'Google Business Profile',
  google_ads: 'Google Ads',
  google_analytics: 'Google Analytics',
  linkedin_page: 'LinkedIn page',
  x: 'X',
  tiktok: 'TikTok',
  other: 'Other',
};

/** In the handover's order: the client's ownership first, your own access removed last. */
export const HANDOVER_LABELS: Record<HandoverStep, string> = {
  not_started: 'Not started',
  ownership_transferred: 'Ownership transferred',
  operator_access_removed: 'Your access removed',
  not_needed: 'Not needed',
};
