import type { OpenAPIObject } from '@nestjs/swagger';

const VERBS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of a document, with its method and path. */
export interface Operation {
  route: string;
  operation: Record<string, any>;
}

/** Every operation of a document. */
export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb] !== undefined).map((verb) => ({
      route: `${verb.toUpperCase()} ${path}`,
      operation: item[verb] as any,
    })),
  );
}

/**
 * What a route's document lacks, in words; empty when it is complete: a success response (with a schema
 * unless it has no body), its security (or `@ApiPublic()`), its error responses as problem+json with their
 * codes, each code with the status the app's map gives it.
 */
export function gapsOf({ operation }: Operation, document: OpenAPIObject, statusByCode: Readonly<Record<string, number>>): string[] {
  const gaps: string[] = [];
  const responses = Object.entries(operation.responses ?? {}) as [string, any][];
  const successes = responses.filter(([status]) => Number(status) < 400);
  if (successes.length === 0) gaps.push('no success response');
  for (const [status, response] of successes) {
    const noBody = status === '204' || (Number(status) >= 300 && Number(status) < 400);
    const schemas = Object.values(response.content ?? {}).map((media: any) => media.schema);
    if (!noBody && (schemas.length === 0 || schemas.some((schema) => schema === undefined))) gaps.push(`${status} has no schema`);
  }
  const schemes = Object.keys(document.components?.securitySchemes ?? {});
  if (operation.security === undefined) gaps.push('declares no security and is not marked @ApiPublic()');
  for (const requirement of operation.security ?? []) {
    for (const scheme of Object.keys(requirement)) if (!schemes.includes(scheme)) gaps.push(`security scheme ${scheme} is not declared`);
  }
  const errors = responses.filter(([status]) => Number(status) >= 400);
  // A public route that takes no input (no body, path or query parameter) has nothing a caller can get wrong.
  const takesInput =
    operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter: any) => parameter.in !== 'header');
  if (errors.length === 0 && (takesInput || operation['x-public'] !== true)) gaps.push('documents no error response');
  for (const [status, response] of errors) {
    const codes: string[] = response['x-error-codes'] ?? [];
    if (codes.length === 0) gaps.push(`${status} lists no error code`);
    for (const code of codes) if (statusByCode[code] !== Number(status)) gaps.push(`${code} is not a ${status} in the app's error map`);
    if (response.content?.['application/problem+json'] === undefined) gaps.push(`${status} is not problem+json`);
  }
  return gaps;
}
