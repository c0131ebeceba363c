/** HTTP status of each provider-link error code (filled as the link use cases arrive). */
export const LINK_ERROR_STATUS: Readonly<Record<string, number>> = {};
