// The public surface of libs/oversight: what the data ethics board and the public read across contexts.
export * from './audit';
export * from './transparency-statistics';
export { OversightModule } from './oversight.module';
