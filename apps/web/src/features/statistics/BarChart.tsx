/**
 * A horizontal bar chart of a breakdown: two bars per row (all, and funded). Loaded on its own (the
 * chart library is in this chunk only), after the tables it illustrates. The chart is an image with
 * a one-sentence summary; its table beside it is the full accessible version.
 */
import { Bar, BarChart as Chart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './statistics-model';

const ROW_HEIGHT = 34;
const AXES_AND_LEGEND = 70;

export interface BarChartProps {
  readonly rows: readonly ChartRow[];
  readonly totalName: string;
  readonly fundedName: string;
  /** The chart's text alternative: what it shows and its most notable rows. */
  readonly summary: string;
  readonly language: string;
}

export default function BarChart({ rows, totalName, fundedName, summary, language }: BarChartProps) {
  const format = new Intl.NumberFormat(language);
  return (
    <div className="chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + AXES_AND_LEGEND}>
        <Chart data={[...rows]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#d0d7de" />
          <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => format.format(value)} stroke="#57606a" />
          <YAxis type="category" dataKey="label" width={170} interval={0} stroke="#57606a" tick={{ fontSize: 13, fill: '#1b1f24' }} />
          <Legend
            verticalAlign="top"
            height={28}
            itemSorter={null}
            formatter={(value: string) => <span className="chart-legend">{value}</span>}
          />
          <Bar dataKey="total" name={totalName} fill="#8c959f" isAnimationActive={false} barSize={11} />
          <Bar dataKey="funded" name={fundedName} fill="#0b5cad" isAnimationActive={false} barSize={11} />
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
