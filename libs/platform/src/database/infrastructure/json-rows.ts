import type { DataSource, EntityMetadata, EntityTarget } from 'typeorm';

/** Column types whose JSON form differs from what node-postgres hands TypeORM (a bigint it keeps as a string, bytes). */
const NOT_CARRIED_BY_JSON = new Set<unknown>(['bigint', 'int8', 'numeric', 'decimal', 'money', 'bytea']);

/**
 * Reads an entity's row that a read piece selected as JSON (`to_jsonb("row")`, keyed by column name) back into the
 * entity as TypeORM hydrates the rows it reads itself: each column to its property, timestamps to Dates. Only for
 * entities whose columns JSON carries faithfully (no bigint, numeric or bytea: refused when first used).
 */
export function entityJsonReader<Entity extends object>(dataSource: DataSource, target: EntityTarget<Entity>): (json: unknown) => Entity {
  let metadata: EntityMetadata | undefined;
  return (json) => {
    // Looked up on first use: the data source has built its metadata by then.
    metadata ??= carriedByJson(dataSource.getMetadata(target));
    const row = json as Record<string, unknown>;
    const entity = metadata.create() as Entity;
    for (const column of metadata.columns) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
    }
    return entity;
  };
}

function carriedByJson(metadata: EntityMetadata): EntityMetadata {
  const refused = metadata.columns.filter((column) => NOT_CARRIED_BY_JSON.has(column.type));
  if (refused.length > 0) {
    throw new Error(`${metadata.name} cannot be read from JSON: ${refused.map((column) => column.databaseName).join(', ')}`);
  }
  return metadata;
}
