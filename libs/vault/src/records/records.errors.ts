/** HTTP status of each deposit and record error code (filled as the record use cases arrive). */
export const RECORD_ERROR_STATUS: Readonly<Record<string, number>> = {};
