/** What the sync section reports, in which unit, which way is better, and the targets. */
import type { TargetName } from '../servers/ipc';

export type MetricId =
  | 'latency1x20P50'
  | 'latency1x20P99'
  | 'latency10x10P50'
  | 'latency10x10P99'
  | 'saturationRate'
  | 'saturationCpu'
  | 'serverBoundRate'
  | 'bigBoardSync'
  | 'bigBoardHeap'
  | 'idleRss'
  | 'idleHeap'
  | 'boardHeap'
  | 'boardRss'
  | 'connectionHeap'
  | 'connectionRss';

export interface MetricDef {
  readonly id: MetricId;
  readonly label: string;
  readonly unit: string;
  /** Divides the measured value (ms, µs, bytes, per second) into `unit`. */
  readonly divisor: number;
  readonly better: 'lower' | 'higher';
  /** Factboard's target from issue 2 item 9: its value over `vs`'s, at most / at least `ratio`. */
  readonly goal?: { readonly vs: TargetName; readonly ratio: number };
}

const MIB = 1024 * 1024;
const KIB = 1024;

export const METRICS: readonly MetricDef[] = [
  {
    id: 'latency1x20P50',
    label: 'Latency p50, 1 room × 20 clients',
    unit: 'ms',
    divisor: 1,
    better: 'lower',
  },
  {
    id: 'latency1x20P99',
    label: 'Latency p99, 1 room × 20 clients',
    unit: 'ms',
    divisor: 1,
    better: 'lower',
    goal: { vs: 'relay', ratio: 1.5 },
  },
  {
    id: 'latency10x10P50',
    label: 'Latency p50, 10 rooms × 10 clients',
    unit: 'ms',
    divisor: 1,
    better: 'lower',
  },
  {
    id: 'latency10x10P99',
    label: 'Latency p99, 10 rooms × 10 clients',
    unit: 'ms',
    divisor: 1,
    better: 'lower',
    goal: { vs: 'relay', ratio: 1.5 },
  },
  {
    id: 'saturationRate',
    label: 'Saturation throughput, 1 room × 10 clients (updates to all 9 peers)',
    unit: 'updates/s',
    divisor: 1,
    better: 'higher',
    goal: { vs: 'reference', ratio: 1 },
  },
  {
    id: 'saturationCpu',
    label: 'Server CPU per update at saturation',
    unit: 'µs',
    divisor: 1,
    better: 'lower',
    goal: { vs: 'reference', ratio: 1 },
  },
  {
    id: 'serverBoundRate',
    label: 'Server-bound throughput: one core ÷ CPU per update',
    unit: 'updates/s',
    divisor: 1,
    better: 'higher',
  },
  {
    id: 'bigBoardSync',
    label: 'Fresh client syncs a 10,000-card board (connect → synced)',
    unit: 'ms',
    divisor: 1,
    better: 'lower',
    goal: { vs: 'reference', ratio: 1 },
  },
  {
    id: 'bigBoardHeap',
    label: 'Server heap holding the 10,000-card board',
    unit: 'MiB',
    divisor: MIB,
    better: 'lower',
  },
  { id: 'idleRss', label: 'Server RSS, idle', unit: 'MiB', divisor: MIB, better: 'lower' },
  { id: 'idleHeap', label: 'Server heap, idle', unit: 'MiB', divisor: MIB, better: 'lower' },
  {
    id: 'boardHeap',
    label: 'Server heap per loaded board (100 cards)',
    unit: 'KiB',
    divisor: KIB,
    better: 'lower',
  },
  {
    id: 'boardRss',
    label: 'Server RSS per loaded board (100 cards)',
    unit: 'KiB',
    divisor: KIB,
    better: 'lower',
  },
  {
    id: 'connectionHeap',
    label: 'Server heap per connection',
    unit: 'KiB',
    divisor: KIB,
    better: 'lower',
  },
  {
    id: 'connectionRss',
    label: 'Server RSS per connection',
    unit: 'KiB',
    divisor: KIB,
    better: 'lower',
  },
];
