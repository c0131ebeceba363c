import type { FieldProblem } from '@infobank/platform';

/** Longest reason a member may give for a vote, a recusal or an order, in characters. */
export const MAX_REASON_LENGTH = 2000;

/** Why `reason` is not an acceptable reason (1 to 2000 characters, not blank), at `path`; none when it is. */
export function reasonProblems(reason: unknown, path = '/reason'): FieldProblem[] {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REASON_LENGTH) {
    return [{ path, message: `must be 1 to ${MAX_REASON_LENGTH} characters and not blank` }];
  }
  return [];
}
