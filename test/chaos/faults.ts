// The fault schedule: one fault at a time, each injected, healed and followed by a wait until every
// process answers again (the recovery the report measures), then a quiet gap. The first round goes
// through every kind once in a random order; later rounds pick kinds by weight.
import { randomInt } from 'node:crypto';
import type { FaultProxy } from './fault-proxy';
import type { PostgresCluster, RedisServer } from './services';
import { sleep } from './services';
import type { ManagedProcess } from './supervisor';

export const FAULT_KINDS = [
  'worker-kill',
  'app-kill',
  'redis-kill',
  'redis-flush',
  'postgres-restart',
  'postgres-latency',
  'postgres-reset',
  'postgres-hang',
  'redis-latency',
  'redis-reset',
  'redis-hang',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How often each kind is picked after the first round (worker crashes are the commonest in practice). */
const WEIGHTS: Record<FaultKind, number> = {
  'worker-kill': 6,
  'app-kill': 2,
  'redis-kill': 2,
  'redis-flush': 2,
  'postgres-restart': 2,
  'postgres-latency': 1,
  'postgres-reset': 1,
  'postgres-hang': 1,
  'redis-latency': 1,
  'redis-reset': 1,
  'redis-hang': 1,
};

/** One injected fault: when it began, when it was healed, and when every process answered again. */
export interface FaultWindow {
  kind: FaultKind;
  target: string;
  start: number;
  healed: number;
  recovered: number;
  recoveryMs: number;
  /** False when some process was still not answering at the recovery bound. */
  recoveredInTime: boolean;
}

export interface FaultWorld {
  postgres: PostgresCluster;
  redis: RedisServer;
  postgresProxy: FaultProxy;
  redisProxy: FaultProxy;
  apps: ManagedProcess[];
  workers: ManagedProcess[];
  /** Called just before a FLUSHALL and just after it (the replay check). */
  aroundFlush: { before: () => Promise<void>; after: () => Promise<void> };
}

export interface ScheduleOptions {
  /** Seconds between the end of one fault's recovery and the next fault. */
  gapSeconds: number;
  /** How long latency lasts and how much it adds. */
  latencySeconds: number;
  latencyMs: number;
  /** How long a hang lasts: longer than the pools' connection timeout (5 s). */
  hangSeconds: number;
  /** How long Redis stays down after a kill. */
  redisDownSeconds: number;
  recoveryBoundSeconds: number;
  /** Only these kinds (default: all). */
  kinds: readonly FaultKind[];
  /** Stop after one of each kind. */
  once: boolean;
}

export async function runFaultSchedule(world: FaultWorld, options: ScheduleOptions, deadline: number, log: (line: string) => void) {
  const windows: FaultWindow[] = [];
  // Redis data losses come last in the first round: after each, intake and the gateway refuse
  // organisations for about 80 s (the replay caches' new epoch), which would starve a short run's transfers.
  // The flush before the kill, so that the replay probe around the flush finds tokens accepted again.
  const losses: FaultKind[] = (['redis-flush', 'redis-kill'] as const).filter((kind) => options.kinds.includes(kind));
  const firstRound = [...shuffle(options.kinds.filter((kind) => !losses.includes(kind))), ...losses];
  // With `once`, every kind runs even if the deadline passes first (a slow recovery must not skip one).
  for (let index = 0; options.once ? index < firstRound.length : Date.now() < deadline; index += 1) {
    await sleep(options.once ? options.gapSeconds * 1000 : Math.min(options.gapSeconds * 1000, Math.max(0, deadline - Date.now())));
    if (!options.once && Date.now() >= deadline) break;
    const kind = index < firstRound.length ? firstRound[index] : weightedPick(options.kinds);
    const window = await inject(world, kind, options);
    windows.push(window);
    log(`fault ${kind} (${window.target}): healed after ${window.healed - window.start} ms, recovered in ${window.recoveryMs} ms`);
  }
  return windows;
}

async function inject(world: FaultWorld, kind: FaultKind, options: ScheduleOptions): Promise<FaultWindow> {
  const start = Date.now();
  let target: string = kind.split('-')[0];
  switch (kind) {
    case 'worker-kill': {
      const worker = world.workers[randomInt(0, world.workers.length)];
      target = worker.name;
      await worker.kill();
      void worker.start().catch(() => undefined);
      break;
    }
    case 'app-kill': {
      const app = world.apps[randomInt(0, world.apps.length)];
      target = app.name;
      await app.kill();
      void app.start().catch(() => undefined);
      break;
    }
    case 'redis-kill':
      await world.redis.kill();
      await sleep(options.redisDownSeconds * 1000);
      await world.redis.start();
      break;
    case 'redis-flush':
      await world.aroundFlush.before();
      await world.redis.flushAll();
      await world.aroundFlush.after();
      break;
    case 'postgres-restart':
      await world.postgres.restartImmediately();
      break;
    case 'postgres-latency':
    case 'redis-latency': {
      const proxy = kind === 'postgres-latency' ? world.postgresProxy : world.redisProxy;
      proxy.delay(options.latencyMs);
      await sleep(options.latencySeconds * 1000);
      proxy.pass();
      break;
    }
    case 'postgres-reset':
    case 'redis-reset': {
      const proxy = kind === 'postgres-reset' ? world.postgresProxy : world.redisProxy;
      target = `${proxy.name}: ${proxy.reset()} connections`;
      break;
    }
    case 'postgres-hang':
    case 'redis-hang': {
      const proxy = kind === 'postgres-hang' ? world.postgresProxy : world.redisProxy;
      proxy.hang();
      await sleep(options.hangSeconds * 1000);
      proxy.pass();
      break;
    }
  }
  const healed = Date.now();
  const recoveredInTime = await untilAllHealthy(world, options.recoveryBoundSeconds * 1000);
  const recovered = Date.now();
  return { kind, target, start, healed, recovered, recoveryMs: recovered - healed, recoveredInTime };
}

/** Waits until every app answers /health 200 and every worker runs; false at the bound. */
export async function untilAllHealthy(world: Pick<FaultWorld, 'apps' | 'workers'>, boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  const processes = [...world.apps, ...world.workers];
  while (Date.now() < deadline) {
    const health = await Promise.all(processes.map((process) => process.healthy()));
    if (health.every(Boolean)) return true;
    await sleep(100);
  }
  return false;
}

function weightedPick(kinds: readonly FaultKind[]): FaultKind {
  const total = kinds.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  let roll = randomInt(0, total);
  for (const kind of kinds) {
    roll -= WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return kinds[0];
}

function shuffle<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = randomInt(0, index + 1);
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}
