// The public transparency statistics (issue 17 item 4).
export {
  GetTransparencyStatisticsUseCase,
  TRANSPARENCY_MONTHS,
  type TransparencyMonth,
  type TransparencyStatistics,
} from './application/get-transparency-statistics.use-case';
export type { StatisticCell } from './domain/small-cell-suppression';
export { StatisticCellDto, TransparencyStatisticsDto } from './http/transparency-statistics.dto';
export { TransparencyStatisticsModule } from './transparency-statistics.module';
