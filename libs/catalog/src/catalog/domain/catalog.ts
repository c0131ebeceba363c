import { CATALOG_VERSION } from './catalog-version';
import { DATA_CATEGORIES } from './data-categories';
import type { DataCategory } from './data-category';
import { PURPOSES, type Purpose } from './purposes';

/** The whole public catalog: what data the bank handles and the purposes it may be used for. */
export interface Catalog {
  version: string;
  categories: readonly DataCategory[];
  purposes: readonly Purpose[];
}

/** The catalog as published at `GET /v1/catalog` (nothing in it is secret or per-individual). */
export function currentCatalog(): Catalog {
  return { version: CATALOG_VERSION, categories: DATA_CATEGORIES, purposes: PURPOSES };
}
