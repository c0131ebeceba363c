import { performance } from 'node:perf_hooks';

/** p50/p95/p99 of one operation's latency, in milliseconds. */
export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** What one timed run observed: wall-clock seconds and, when each operation was timed, its latencies. */
export interface Timing {
  seconds: number;
  latenciesMs: number[];
}

/** One line of the report before ratios are computed; `baseline` names another line of the same run. */
export interface ScenarioMeasurement {
  name: string;
  /** What one counted operation is, and what a latency sample spans. */
  description: string;
  operations: number;
  seconds: number;
  ratePerSecond: number;
  latencyMs: LatencyPercentiles | null;
  baseline: string | null;
  details?: Record<string, number | string>;
}

/** A report line with its comparison to the baseline (rate / baseline rate; 1 = as fast as the baseline). */
export interface ScenarioResult extends ScenarioMeasurement {
  ratioToBaseline: number | null;
}

/** Prints progress to stderr, so that stdout carries only the JSON report. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs `operation` `count` times one after another, timing each call. */
export async function timeSequential(count: number, operation: (index: number) => Promise<unknown> | unknown): Promise<Timing> {
  const latenciesMs = new Array<number>(count);
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const before = performance.now();
    await operation(index);
    latenciesMs[index] = performance.now() - before;
  }
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Runs `operation` `count` times in total from `concurrency` loops that share one counter. */
export async function timeConcurrent(count: number, concurrency: number, operation: (index: number) => Promise<unknown>): Promise<Timing> {
  const latenciesMs = new Array<number>(count);
  let next = 0;
  const loop = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      const before = performance.now();
      await operation(index);
      latenciesMs[index] = performance.now() - before;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Percentiles with linear interpolation between closest ranks (what Postgres's percentile_cont does). */
export function percentiles(samples: readonly number[]): LatencyPercentiles | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => {
    const position = fraction * (sorted.length - 1);
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
  };
  return { p50: roundTo(at(0.5), 3), p95: roundTo(at(0.95), 3), p99: roundTo(at(0.99), 3) };
}

/** Builds a report line from a timing; `operations` may differ from the samples (e.g. 100 jobs per timed transaction). */
export function summarise(
  line: { name: string; description: string; baseline: string | null; operations: number; details?: Record<string, number | string> },
  timing: Timing,
): ScenarioMeasurement {
  return {
    ...line,
    seconds: roundTo(timing.seconds, 4),
    ratePerSecond: roundTo(line.operations / timing.seconds, 1),
    latencyMs: percentiles(timing.latenciesMs),
  };
}

/** Adds `ratioToBaseline` to each line; a named baseline missing from the run is a bug in the bench. */
export function compareToBaselines(measurements: readonly ScenarioMeasurement[]): ScenarioResult[] {
  const byName = new Map(measurements.map((measurement) => [measurement.name, measurement]));
  return measurements.map(({ name, description, operations, seconds, ratePerSecond, latencyMs, baseline, details }) => {
    let ratioToBaseline: number | null = null;
    if (baseline !== null) {
      const compared = byName.get(baseline);
      if (compared === undefined) throw new Error(`Scenario ${name} names baseline ${baseline}, which did not run`);
      ratioToBaseline = roundTo(ratePerSecond / compared.ratePerSecond, 4);
    }
    // Spelled out so that every line of the JSON lists its fields in the same order.
    return { name, description, operations, seconds, ratePerSecond, latencyMs, baseline, ratioToBaseline, ...(details ? { details } : {}) };
  });
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rounds to `digits` decimal places, for a report people read. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Resolves with `promise`, or fails naming `what` once `timeoutMs` has passed: no wait is unbounded. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
