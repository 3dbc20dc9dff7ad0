/** Turns the sync section's measurements into its table: absolute figures, ratios, targets. */
import type { TargetName } from '../servers/ipc';
import { baseName } from '../servers/targets';
import { formatNumber, formatRatio, type Table } from '../table';
import { type MetricDef, type MetricId, METRICS } from './syncMetrics';

/**
 * A measured value in the metric's base unit (`doubtful` when the run reported a problem, such
 * as lost deliveries or closed sockets, listed in the notes), or why there is none.
 */
export type Cell =
  { readonly value: number; readonly doubtful?: boolean } | { readonly error: string };
export type SyncResults = Map<MetricId, Map<TargetName, Cell>>;

const valueOf = (cell: Cell | undefined) => (cell && 'value' in cell ? cell.value : undefined);

function show(metric: MetricDef, cell: Cell | undefined): string {
  if (cell === undefined) return 'n/a';
  if ('error' in cell) return cell.error;
  const text = formatNumber(cell.value / metric.divisor, metric.unit);
  return cell.doubtful ? `${text} ⚠` : text;
}

function goalCell(metric: MetricDef, cells: Map<TargetName, Cell>): string {
  if (!metric.goal) return '';
  const { vs, ratio } = metric.goal;
  const wanted = `${metric.better === 'lower' ? '≤' : '≥'} ${ratio}× ${vs}`;
  const mine = valueOf(cells.get('factboard'));
  const theirs = valueOf(cells.get(vs));
  if (mine === undefined || theirs === undefined || theirs === 0) return wanted;
  const met = metric.better === 'lower' ? mine / theirs <= ratio : mine / theirs >= ratio;
  return `${wanted}: ${met ? 'met' : 'NOT met'}`;
}

export function syncTable(results: SyncResults, notes: readonly string[]): Table {
  // Factboard at an older commit (--base), when the run had one: a column and a ratio more.
  const base = baseName([...results.values()].flatMap((row) => [...row.keys()]));
  // A metric no scenario of the run measured (--only) has no row.
  const rows = METRICS.filter((metric) => results.has(metric.id)).map((metric) => {
    const cells = results.get(metric.id) ?? new Map<TargetName, Cell>();
    const v = (name: TargetName) => valueOf(cells.get(name));
    return [
      `${metric.label} (${metric.better} is better)`,
      show(metric, cells.get('relay')),
      show(metric, cells.get('reference')),
      show(metric, cells.get('factboard')),
      ...(base ? [show(metric, cells.get(base))] : []),
      formatRatio(v('reference'), v('relay')),
      formatRatio(v('factboard'), v('reference')),
      formatRatio(v('factboard'), v('relay')),
      ...(base ? [formatRatio(v('factboard'), v(base))] : []),
      goalCell(metric, cells),
    ];
  });
  return {
    title: 'Sync server: Factboard vs the reference y-websocket server vs a bare relay',
    columns: [
      'Metric',
      'relay',
      'reference',
      'factboard',
      ...(base ? [base] : []),
      'reference ÷ relay',
      'factboard ÷ reference',
      'factboard ÷ relay',
      ...(base ? [`factboard ÷ ${base}`] : []),
      'Factboard target',
    ],
    rows,
    notes,
  };
}
