import type { Actor } from '@infobank/platform';
import type { LogVerificationFailure, LogVerificationStatus, LogVerificationTrigger } from '../domain/log-verification';
import type { LogVerificationEntity } from '../infrastructure/log-verification.entity';
import { LogVerificationForbiddenError } from '../log-verification.errors';

/** A run as the board sees it: progress while running; the signed result once complete. */
export interface LogVerificationView {
  id: string;
  trigger: LogVerificationTrigger;
  status: LogVerificationStatus;
  fromSize: number;
  toSize: number;
  /** Leaves `[fromSize, checkedSize)` are checked. */
  checkedSize: number;
  checkpointsChecked: number;
  failureCount: number;
  /** The first failures (at most 1,000); `failureCount` counts them all. */
  failures: LogVerificationFailure[];
  requestedAt: string;
  completedAt: string | null;
  /** The result as a compact JWS signed by the bank (`typ: log-verification+jwt`); verify it with the JWKS. */
  result: string | null;
}

/** The JWS `typ` of a signed log verification result. */
export const LOG_VERIFICATION_RESULT_TYPE = 'log-verification+jwt';

/** Leaves checked per page (one job, one transaction): bounds memory and how long a page holds its lock. */
export const LOG_VERIFICATION_PAGE_LEAVES = 5000;

export function logVerificationView(row: LogVerificationEntity): LogVerificationView {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    fromSize: Number(row.fromSize),
    toSize: Number(row.toSize),
    checkedSize: Number(row.nextSize),
    checkpointsChecked: row.progress.checkpointsChecked,
    failureCount: row.failureCount,
    failures: row.failures,
    requestedAt: new Date(row.requestedAt).toISOString(),
    completedAt: row.completedAt === null ? null : new Date(row.completedAt).toISOString(),
    result: row.resultJws,
  };
}

/** Board members, the operator and the bank's own processes may verify the log; nobody else. */
export function assertMayVerifyLog(actor: Actor): void {
  if (actor.type !== 'board_member' && actor.type !== 'operator' && actor.type !== 'system') throw new LogVerificationForbiddenError();
}
