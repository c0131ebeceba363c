/** One bar: its label (e.g. the month) and its value. */
export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;

/**
 * A simple bar chart over time (SVG, no script, no inline style). The chart is an image named by
 * `label` (which states every value), and the same numbers stand in a table beside it for screen readers.
 */
export function BarChart({ label, bars }: { label: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = bars.length === 0 ? WIDTH : WIDTH / bars.length;
  const barWidth = Math.max(4, Math.min(48, slot * 0.6));
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={label}>
      <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="bar-chart-axis" />
      {bars.map((bar, index) => {
        const height = (bar.value / max) * (HEIGHT - 20);
        const x = index * slot + (slot - barWidth) / 2;
        return (
          <g key={bar.label}>
            <rect x={x} y={HEIGHT - height} width={barWidth} height={height} className="bar-chart-bar" />
            <text x={x + barWidth / 2} y={HEIGHT - height - 4} textAnchor="middle" className="bar-chart-value">
              {bar.value}
            </text>
            <text x={x + barWidth / 2} y={HEIGHT + 16} textAnchor="middle" className="bar-chart-label">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
