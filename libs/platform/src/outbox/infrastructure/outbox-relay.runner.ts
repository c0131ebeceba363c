import type { Logger } from 'pino';
import type { JobSchedules } from '../../queue/infrastructure/job-schedules';
import type { OutboxRelay } from './outbox-relay';

/**
 * Runs the relay and the reconciler on timers until stopped, and, when given the worker's schedules, the
 * check that re-adds any schedule Redis lost. A failed pass is logged and retried.
 */
export class OutboxRelayRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = false;
  private inFlight: Promise<unknown>[] = [];

  constructor(
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
    private readonly settings: { pollIntervalMs: number; reconcileIntervalMs: number },
    private readonly schedules?: { keeper: JobSchedules; checkIntervalMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.loop('relay', this.settings.pollIntervalMs, async () => {
      // Drain: keep going while full batches come back.
      while (this.running && (await this.relay.relayOnce()) > 0);
    });
    this.loop('reconcile', this.settings.reconcileIntervalMs, () => this.relay.reconcileOnce());
    const schedules = this.schedules;
    if (schedules) this.loop('schedules', schedules.checkIntervalMs, () => schedules.keeper.ensure());
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.inFlight);
  }

  private loop(name: string, intervalMs: number, pass: () => Promise<unknown>): void {
    const tick = async (): Promise<void> => {
      if (!this.running) return;
      const work = pass().catch((error: unknown) => {
        this.logger.error({ err: error, pass: name }, 'outbox pass failed; will retry');
      });
      this.inFlight.push(work);
      await work;
      this.inFlight = this.inFlight.filter((entry) => entry !== work);
      if (this.running)
        this.timers.set(
          name,
          setTimeout(() => void tick(), intervalMs),
        );
    };
    this.timers.set(
      name,
      setTimeout(() => void tick(), 0),
    );
  }
}
