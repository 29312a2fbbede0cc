import { type DateInput, formatDate, formatNumber } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';

/** To the operator, never to a client: what needs their judgement, as a digest. */
export interface OperatorAlertData {
  readonly operatorName: string;
  readonly alerts: ReadonlyArray<{
    readonly clientName: string;
    readonly summary: string;
    readonly recommendation?: string;
    readonly raisedAt: DateInput;
  }>;
  /** Drafts waiting in the review queue. */
  readonly pendingReviewCount?: number;
  /** The operator's time zone. */
  readonly timeZone?: string;
}

export const operatorAlertSchema: PlaceholderSchema = {
  values: ['operatorName', 'alertCount', 'pendingReviewCount'],
  flags: ['severalAlerts'],
  lists: { alerts: ['clientName', 'summary', 'recommendation', 'raisedAt'] },
};

export function operatorAlertView(data: OperatorAlertData, locale: EmailLocale): ViewModel {
  const pending = data.pendingReviewCount ?? 0;
  return {
    operatorName: data.operatorName,
    alertCount: formatNumber(data.alerts.length, locale),
    pendingReviewCount: pending > 0 ? formatNumber(pending, locale) : '',
    severalAlerts: data.alerts.length > 1,
    alerts: data.alerts.map((alert) => ({
      clientName: alert.clientName,
      summary: alert.summary,
      recommendation: alert.recommendation ?? '',
      raisedAt: formatDate(alert.raisedAt, locale, data.timeZone),
    })),
  };
}
