import { FINANCE_TRANSACTIONS } from './categories/finance-transactions';
import { HEALTH_CHECKUP } from './categories/health-checkup';
import { LOCATION_VISITS } from './categories/location-visits';
import { MOBILITY_TRIPS } from './categories/mobility-trips';
import { PROFILE_BASIC } from './categories/profile-basic';
import { PURCHASE_RECEIPTS } from './categories/purchase-receipts';
import type { DataCategory, DataItem } from './data-category';

/** Every data category the bank accepts, in display order. Defined in code and versioned with it. */
export const DATA_CATEGORIES: readonly DataCategory[] = [
  PROFILE_BASIC,
  PURCHASE_RECEIPTS,
  FINANCE_TRANSACTIONS,
  LOCATION_VISITS,
  MOBILITY_TRIPS,
  HEALTH_CHECKUP,
];

const categoriesByCode = new Map(DATA_CATEGORIES.map((category) => [category.code, category]));
const itemsById = new Map(DATA_CATEGORIES.flatMap((category) => category.items.map((item) => [item.id, item] as const)));

/** The category with this code, or undefined. */
export function findDataCategory(code: string): DataCategory | undefined {
  return categoriesByCode.get(code);
}

/** The data item with this id (`<category>#<pointer>`), or undefined. */
export function findDataItem(id: string): DataItem | undefined {
  return itemsById.get(id);
}

/** The category an item id belongs to, or undefined when the id names no item. */
export function categoryOfItem(id: string): DataCategory | undefined {
  return itemsById.has(id) ? categoriesByCode.get(id.slice(0, id.indexOf('#'))) : undefined;
}
