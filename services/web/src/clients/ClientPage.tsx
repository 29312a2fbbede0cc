import { useMemo } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { api } from '../api/http';
import type { Ask, ClientCharts, ClientRecord, HealthSummary, Invoice, TimelineEntry } from '../api/types';
import { useResource } from '../api/useResource';
import { ErrorNote, Loading } from '../components/Notice';
import { follow } from '../router';
import { ChartFigure } from './Chart';
import { controlChart, controlSummary, latencyChart, latencySummary, lateness, latenessSummary } from './charts';
import { HealthCards } from './HealthCards';
import { ManagedAccountsSection } from './ManagedAccountsSection';
import { OffboardingSection } from './OffboardingSection';
import { AsksTable, InvoicesTable, Timeline } from './RecordTables';
import { WorkLogSection } from './WorkLogSection';

const RECORD_EVENTS = new Set(['client', 'invoice', 'payment', 'outgoing_email', 'incident', 'message']);

/**
 * One client: health with its evidence, the three charts, open asks, invoices, work log, managed accounts,
 * ending the relationship and the timeline; the dossier to download.
 */
export function ClientPage({ id }: { id: string }) {
  const path = `/clients/${encodeURIComponent(id)}`;
  const client = useResource(`${id}:client`, () => api<ClientRecord>('GET', path));
  const health = useResource(`${id}:health`, () => api<HealthSummary>('GET', `${path}/health`));
  const charts = useResource(`${id}:charts`, () => api<ClientCharts>('GET', `${path}/charts`));
  const asks = useResource(`${id}:asks`, () => api<{ items: Ask[] }>('GET', `${path}/asks?status=open`));
  const invoices = useResource(`${id}:invoices`, () => api<{ items: Invoice[] }>('GET', `${path}/invoices`));
  const timeline = useResource(`${id}:timeline`, () => api<{ items: TimelineEntry[] }>('GET', `${path}/timeline`));

  useLiveRefresh(
    () => Promise.all([client.reload(), health.reload(), charts.reload(), asks.reload(), invoices.reload(), timeline.reload()]),
    (event) => RECORD_EVENTS.has(event.subjectType),
    1000,
  );

  if (client.status === 404) {
    return (
      <section>
        <h1>No such client</h1>
        <p>
          <a href="/clients" onClick={follow}>
            Back to the clients
          </a>
        </p>
      </section>
    );
  }

  return (
    <div class="client-page">
      <p class="crumbs">
        <a href="/clients" onClick={follow}>
          Clients
        </a>{' '}
        /
      </p>
      <h1>
        {client.data?.name ?? 'Client'}{' '}
        {client.data ? <span class={`badge status-${client.data.status}`}>{client.data.status}</span> : null}
      </h1>
      {client.data ? (
        <p class="muted">
          {client.data.timezone} · {client.data.locale}
        </p>
      ) : null}
      {/* Plain links, not the page's router: the session cookie authenticates these same-origin GETs. */}
      <p class="dossier-links">
        <a href={`/v1${path}/dossier?format=pdf`} download>
          Dossier (PDF)
        </a>
        <a href={`/v1${path}/dossier?format=html`} target="_blank" rel="noopener noreferrer">
          Dossier (HTML)<span class="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      <ErrorNote>{client.error}</ErrorNote>

      {health.data ? (
        <HealthCards health={health.data} />
      ) : health.status === 404 ? (
        <p class="empty">Not analysed yet: the health summary appears after the client's threads are synced and analysed.</p>
      ) : (
        <>
          <ErrorNote>{health.error}</ErrorNote>
          {health.error ? null : <Loading what="the health summary" />}
        </>
      )}

      <ChartsSection charts={charts.data} error={charts.error} />

      <section aria-labelledby="asks-title">
        <h2 id="asks-title">Open asks</h2>
        <ErrorNote>{asks.error}</ErrorNote>
        {asks.data ? <AsksTable asks={asks.data.items} /> : asks.error ? null : <Loading what="asks" />}
      </section>

      <section aria-labelledby="invoices-title">
        <h2 id="invoices-title">Invoices</h2>
        <ErrorNote>{invoices.error}</ErrorNote>
        {invoices.data ? <InvoicesTable invoices={invoices.data.items} /> : invoices.error ? null : <Loading what="invoices" />}
      </section>

      <WorkLogSection clientId={id} />

      <ManagedAccountsSection clientId={id} />

      <OffboardingSection clientId={id} clientStatus={client.data?.status} onClientChanged={client.reload} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ErrorNote>{timeline.error}</ErrorNote>
        {timeline.data ? <Timeline entries={timeline.data.items} /> : timeline.error ? null : <Loading what="the timeline" />}
      </section>
    </div>
  );
}

function ChartsSection({ charts, error }: { charts: ClientCharts | undefined; error: string | undefined }) {
  // Stable configurations: a chart is rebuilt only when its data changed.
  const configs = useMemo(
    () =>
      charts && {
        latency: latencyChart(charts.answerLatencyByWeek),
        lateness: lateness(charts.daysLateByInvoice),
        control: controlChart(charts.controlScore),
      },
    [charts],
  );
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">Over time</h2>
      <ErrorNote>{error}</ErrorNote>
      {charts && configs ? (
        <div class="charts">
          <ChartFigure
            title="Answer latency per week"
            summary={latencySummary(charts.answerLatencyByWeek)}
            config={configs.latency}
            empty={charts.answerLatencyByWeek.length === 0}
          />
          <ChartFigure
            title="Days late per invoice"
            summary={latenessSummary(charts.daysLateByInvoice)}
            config={configs.lateness}
            empty={charts.daysLateByInvoice.length === 0}
          />
          <ChartFigure
            title="Control score"
            summary={controlSummary(charts.controlScore)}
            config={configs.control}
            empty={charts.controlScore.length === 0}
          />
        </div>
      ) : error ? null : (
        <Loading what="charts" />
      )}
    </section>
  );
}
