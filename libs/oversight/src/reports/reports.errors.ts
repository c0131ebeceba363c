import { DomainError } from '@infobank/platform';

/** No report has this id. */
export class ReportNotFoundError extends DomainError<'REPORT_NOT_FOUND'> {
  constructor() {
    super('REPORT_NOT_FOUND', 'No periodic report has this id.');
  }
}

/** A report is written once its month has ended, so that it never changes afterwards. */
export class ReportPeriodNotEndedError extends DomainError<'REPORT_PERIOD_NOT_ENDED'> {
  constructor() {
    super('REPORT_PERIOD_NOT_ENDED', 'The month has not ended yet (Japan time); its report can be made once it has.', {
      errors: [{ path: '/period', message: 'must be a month that has ended' }],
    });
  }
}

/** Only data ethics board members read and request reports. */
export class ReportsForbiddenError extends DomainError<'REPORTS_FORBIDDEN'> {
  constructor() {
    super('REPORTS_FORBIDDEN', 'Only data ethics board members may read periodic reports.');
  }
}

/** Stable codes of the reports' errors. */
export type ReportsErrorCode = 'REPORT_NOT_FOUND' | 'REPORT_PERIOD_NOT_ENDED' | 'REPORTS_FORBIDDEN';

/** HTTP status of each reports error code. */
export const REPORTS_ERROR_STATUS: Readonly<Record<ReportsErrorCode, number>> = {
  REPORT_NOT_FOUND: 404,
  REPORT_PERIOD_NOT_ENDED: 409,
  REPORTS_FORBIDDEN: 403,
};
