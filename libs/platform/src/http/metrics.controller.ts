import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { observeBacklog } from '../metrics/observe-backlog';
import { QueueRegistry } from '../queue/queue-registry';

/** `/metrics` in Prometheus text format. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await observeBacklog(this.metrics, this.dataSource, this.queues);
    return this.metrics.registry.metrics();
  }
}
