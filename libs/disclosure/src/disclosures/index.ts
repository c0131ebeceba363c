export * from './domain/disclosure';
export * from './domain/csv';
export * from './domain/tar-archive';
export {
  DISCLOSURE_MANIFEST_TYPE,
  MANIFEST_FILE,
  MANIFEST_JWS_FILE,
  README_FILE,
  SECTION_FILES,
  sectionFileName,
  type DisclosureManifest,
  type ManifestFile,
} from './domain/disclosure-files';
export { DISCLOSURE_SCHEMA_BASE, DISCLOSURE_SCHEMAS, schemaFileName } from './domain/disclosure-schemas';
export { bundleFolder, bundleFileName } from './domain/disclosure-bundle';
export { BuildDisclosureUseCase, type BuildOutcome } from './application/build-disclosure.use-case';
export type { DisclosureView } from './application/disclosure-view';
export { disclosureSchema, listDisclosureSchemas } from './application/disclosure-schemas';
export { GetDisclosureTimelinessUseCase, type DisclosureTimeliness } from './application/disclosure-timeliness.use-case';
export {
  DownloadDisclosureUseCase,
  IssueDisclosureDownloadTokenUseCase,
  type DisclosureDownload,
  type DisclosureDownloadToken,
} from './application/download-disclosure.use-cases';
export { ExpireDisclosuresUseCase, EXPIRY_BATCH } from './application/expire-disclosures.use-case';
export { GetMyDisclosureUseCase, ListMyDisclosuresUseCase, MAX_LISTED_DISCLOSURES } from './application/read-disclosures.use-cases';
export { RequestDisclosureUseCase } from './application/request-disclosure.use-case';
export type { CollectedSection, DisclosureSectionCollector } from './application/sections/disclosure-section';
export * from './disclosures.errors';
export { BUILD_DISCLOSURE_JOB, DISCLOSURE_JOBS, EXPIRE_DISCLOSURES_JOB } from './disclosures.jobs';
export { DisclosureBuildModule, DisclosureRequestsModule } from './disclosures.module';
export { DISCLOSURE_ENTITIES } from './disclosures.entities';
