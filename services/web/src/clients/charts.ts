import type { ChartConfiguration } from 'chart.js';
import type { ClientCharts } from '../api/types';
import { day } from '../format';

/** The three charts of the client page (PRODUCT §6), as Chart.js configurations. */

const INK = '#1f4d3a';
const ACCENT = '#c2622d';
const WARN = '#b3261e';

const base = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { position: 'bottom' } },
} as const;

export function latencyChart(data: ClientCharts['answerLatencyByWeek']): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: data.map((point) => day(point.weekStart)),
      datasets: [
        { label: 'Median (h)', data: data.map((point) => point.medianHours), borderColor: INK, backgroundColor: INK, spanGaps: true },
        {
          label: '90th percentile (h)',
          data: data.map((point) => point.p90Hours),
          borderColor: ACCENT,
          backgroundColor: ACCENT,
          borderDash: [6, 4],
          spanGaps: true,
        },
      ],
    },
    options: { ...base, scales: { y: { beginAtZero: true, title: { display: true, text: 'hours to answer' } } } },
  };
}

export function lateness(data: ClientCharts['daysLateByInvoice']): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: data.map((invoice) => invoice.number),
      datasets: [
        {
          label: 'Days late',
          data: data.map((invoice) => invoice.daysLate),
          // An invoice still unpaid stands out from the paid ones.
          backgroundColor: data.map((invoice) => (invoice.paidOn ? INK : WARN)),
        },
      ],
    },
    options: {
      ...base,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'days after due date' } } },
    },
  };
}

export function controlChart(data: ClientCharts['controlScore']): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: data.map((point) => day(point.day)),
      datasets: [{ label: 'Control score', data: data.map((point) => point.score), borderColor: ACCENT, backgroundColor: ACCENT }],
    },
    options: { ...base, plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100 } } },
  };
}

export function latencySummary(data: ClientCharts['answerLatencyByWeek']): string {
  const last = data.at(-1);
  if (!last) return 'no answered asks yet';
  return `${data.length} weeks; the latest median is ${last.medianHours === null ? 'unknown' : `${last.medianHours.toFixed(1)} hours`}`;
}

export function latenessSummary(data: ClientCharts['daysLateByInvoice']): string {
  if (data.length === 0) return 'no invoices yet';
  return data.map((invoice) => `${invoice.number}: ${invoice.daysLate} days late${invoice.paidOn ? '' : ' (unpaid)'}`).join('; ');
}

export function controlSummary(data: ClientCharts['controlScore']): string {
  const last = data.at(-1);
  return last ? `${data.length} days; the latest score is ${last.score} of 100` : 'no scores yet';
}
