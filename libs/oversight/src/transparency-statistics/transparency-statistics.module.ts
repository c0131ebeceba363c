import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { TransparencyLogModule } from '@infobank/transparency-log';
import { GetTransparencyStatisticsUseCase } from './application/get-transparency-statistics.use-case';
import { TransparencyStatisticsQueries } from './infrastructure/transparency-statistics.queries';

/** The public transparency statistics. Needs the platform (DataSource, APP_CONFIG). */
@Module({
  imports: [CatalogModule, TransparencyLogModule],
  providers: [GetTransparencyStatisticsUseCase, TransparencyStatisticsQueries],
  exports: [GetTransparencyStatisticsUseCase],
})
export class TransparencyStatisticsModule {}
