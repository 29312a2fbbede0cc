import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only what the client page draws: a tree-shaken Chart.js keeps the bundle small.
Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

interface ChartFigureProps {
  title: string;
  /** What the chart says in words: the canvas's accessible name, and what a screen reader hears. */
  summary: string;
  config: ChartConfiguration<'line' | 'bar'>;
  empty: boolean;
}

/** A Chart.js chart in a figure with a caption; rebuilt when its configuration changes. */
export function ChartFigure({ title, summary, config, empty }: ChartFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <figure class="chart card">
      <figcaption>{title}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}: ${summary}`}>
          {summary}
        </canvas>
      </div>
      {empty ? <p class="muted chart-empty">No data yet.</p> : null}
    </figure>
  );
}
