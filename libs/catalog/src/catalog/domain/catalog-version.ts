/**
 * Version of the catalog (categories, items, schemas and purposes). Bump it with every change: offers
 * and consents record the version they were made against. A test fails when the content changes
 * without a new version.
 */
export const CATALOG_VERSION = '2025.1';
