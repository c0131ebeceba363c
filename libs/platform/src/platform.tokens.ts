/** Injection token of the process's validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the process's pino Logger. */
export const LOGGER = Symbol('LOGGER');
/** Injection token of the fail-fast Redis client used on request paths. */
export const REDIS = Symbol('REDIS');
