import type { HealthSummary } from '../api/types';
import { hours, money, percent, when } from '../format';
import { readControl, readPayments, readResponsiveness } from './health';

/** The client's health summary (GET /v1/clients/:id/health): three cards, each with the evidence behind it. */
export function HealthCards({ health }: { health: HealthSummary }) {
  const responsiveness = readResponsiveness(health.responsiveness);
  const control = readControl(health.control);
  const payments = readPayments(health.payments);
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">
        Health <span class="muted small">as of {when(health.computedAt)}</span>
      </h2>
      <div class="cards">
        <section class="card" aria-labelledby="resp-title">
          <h3 id="resp-title">Responsiveness</h3>
          <dl class="facts">
            <dt>Median answer</dt>
            <dd>{hours(responsiveness.medianHours)}</dd>
            <dt>90th percentile</dt>
            <dd>{hours(responsiveness.p90Hours)}</dd>
            <dt>Answered within SLA</dt>
            <dd>{percent(responsiveness.withinSlaShare)}</dd>
            <dt>Open asks</dt>
            <dd>{responsiveness.open ?? health.openAsks}</dd>
            <dt>Days blocked</dt>
            <dd>{responsiveness.blockedBusinessDays ?? '—'}</dd>
            <dt>Trend</dt>
            <dd>{responsiveness.trend ?? '—'}</dd>
          </dl>
          {responsiveness.openAsks.length > 0 ? (
            <details>
              <summary>
                Evidence: {responsiveness.openAsks.length} open {responsiveness.openAsks.length === 1 ? 'ask' : 'asks'}
              </summary>
              <ul class="evidence">
                {responsiveness.openAsks.map((ask) => (
                  <li key={ask.askId}>
                    asked {when(ask.askedAt)}, open {hours(ask.ageBusinessHours)} of business time
                    {ask.overSla ? <strong class="warn"> — past the SLA</strong> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        <section class="card" aria-labelledby="control-title">
          <h3 id="control-title">Control score</h3>
          <p class="big-number">
            {control.score ?? health.controlScore}
            <span class="muted small"> / 100</span>
          </p>
          {control.components.length > 0 ? (
            <ul class="components">
              {control.components.map((component) => (
                <li key={component.name}>
                  <strong>{component.name}</strong> +{component.points}: {component.detail}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No controlling signals in the window.</p>
          )}
          {control.evidence.length > 0 ? (
            <details>
              <summary>
                Evidence: {control.evidence.length} {control.evidence.length === 1 ? 'message' : 'messages'}
              </summary>
              <ul class="evidence">
                {control.evidence.map((evidence, index) => (
                  <li key={`${evidence.messageId}:${index}`}>
                    <span class="badge">{evidence.kind}</span> {evidence.quote ? <q>{evidence.quote}</q> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        <section class="card" aria-labelledby="pay-title">
          <h3 id="pay-title">Payment behaviour</h3>
          <p class="big-number">{payments.rating ?? '—'}</p>
          <dl class="facts">
            <dt>Overdue</dt>
            <dd>
              {payments.overdue.length > 0
                ? payments.overdue.map((entry) => money(String(entry.minor), entry.currency)).join(', ')
                : 'nothing'}
            </dd>
            <dt>Oldest overdue</dt>
            <dd>{payments.oldestOverdueDays ? `${payments.oldestOverdueDays} days` : '—'}</dd>
            <dt>Recent cycles</dt>
            <dd>{payments.recentDaysLate.length > 0 ? `${payments.recentDaysLate.join(', ')} days late` : '—'}</dd>
            <dt>Drift</dt>
            <dd>
              {payments.driftDaysPerCycle === undefined ? '—' : `${payments.driftDaysPerCycle.toFixed(1)} days per cycle`}
              {payments.drifting ? <strong class="warn"> (drifting)</strong> : null}
            </dd>
          </dl>
          {payments.reasons.length > 0 ? (
            <details open>
              <summary>Evidence</summary>
              <ul class="evidence">
                {payments.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      </div>
    </section>
  );
}
