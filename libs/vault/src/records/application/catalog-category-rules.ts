import { Injectable } from '@nestjs/common';
import { DATA_CATEGORIES, JSON_SCHEMA_DIALECT, type DataCategory } from '@infobank/catalog';
import type { FieldProblem } from '@infobank/platform';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { pointerToken } from '../domain/individual-number';
import type { CategoryRules } from '../domain/record-checks';

/**
 * The catalog's categories as record checks use them: each category's JSON Schema compiled once
 * (Ajv, draft 2020-12 with formats) when the process starts. A schema in another dialect is a
 * programming error and stops the start.
 */
@Injectable()
export class CatalogCategoryRules implements CategoryRules {
  private readonly validators = new Map<string, { category: DataCategory; validate: ValidateFunction }>();

  constructor() {
    const ajv = new Ajv2020({ allErrors: true, strict: true, logger: false });
    addFormats(ajv);
    for (const category of DATA_CATEGORIES) {
      if (category.schema.$schema !== JSON_SCHEMA_DIALECT) {
        throw new Error(
          `Data category ${category.code} declares JSON Schema dialect ${String(category.schema.$schema)}, not ${JSON_SCHEMA_DIALECT}.`,
        );
      }
      this.validators.set(category.code, { category, validate: ajv.compile(category.schema) });
    }
  }

  validate(category: string, data: unknown): FieldProblem[] | undefined {
    const entry = this.validators.get(category);
    if (entry === undefined) return undefined;
    if (entry.validate(data)) return [];
    return (entry.validate.errors ?? []).map(toFieldProblem);
  }

  allowsIndividualNumber(category: string): boolean {
    return this.validators.get(category)?.category.allowsIndividualNumber ?? false;
  }
}

/** Ajv's error as a field problem: the pointer names the offending field itself, the message never quotes a value. */
function toFieldProblem(error: ErrorObject): FieldProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { path: `${error.instancePath}/${pointerToken(params.missingProperty)}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { path: `${error.instancePath}/${pointerToken(params.additionalProperty)}`, message: 'is not an allowed field' };
  }
  return { path: error.instancePath, message: error.message ?? `fails "${error.keyword}"` };
}
