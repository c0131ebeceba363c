/** Injection token of the CatalogSettings. */
export const CATALOG_SETTINGS = Symbol('CATALOG_SETTINGS');

/** How strict organisation onboarding is in this deployment. */
export interface CatalogSettings {
  /** Accept `http://localhost` / `http://127.0.0.1` and private addresses as webhook URLs (development and tests only). */
  allowLocalWebhooks: boolean;
}

/** Production-safe defaults: no local webhooks. */
export const DEFAULT_CATALOG_SETTINGS: CatalogSettings = { allowLocalWebhooks: false };
