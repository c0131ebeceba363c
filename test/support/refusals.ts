import { DomainError } from '@infobank/platform';
import type { HttpResult } from './organisation-client';

/** A refusal: the status, problem+json, the stable code, and no token anywhere in the answer. */
export function expectRefused(response: HttpResult, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body).not.toHaveProperty('access_token');
  expect(JSON.stringify(response.body)).not.toMatch(/eyJ[\w-]+\.eyJ/);
}

/** The DomainError a use case rejected with (fails the test if it resolved or threw something else). */
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
