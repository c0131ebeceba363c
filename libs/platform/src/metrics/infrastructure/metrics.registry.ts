import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The process's Prometheus registry with the metrics every Infobank process exposes. */
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'infobank_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'infobank_queue_jobs',
    help: 'Jobs in each BullMQ queue by state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({
    name: 'infobank_outbox_backlog',
    help: 'Outbox rows by stage: pending (not yet in Redis) and unfinished (in Redis, not completed)',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly sealLag = new Gauge({
    name: 'infobank_transparency_seal_lag_seconds',
    help: 'Age of the oldest transparency-log leaf not yet sealed into a checkpoint (0 when all are sealed); set by the worker',
    registers: [this.registry],
  });

  readonly noticesOverdue = new Gauge({
    name: 'infobank_notices_overdue',
    help: 'Withdrawal notices past their due time without an attestation; set by the worker',
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'infobank_' });
  }
}
