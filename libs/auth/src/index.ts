// The public surface of libs/auth: organisation client authentication, individual and board sessions.
export * from './organisation-client';
export * from './auth.errors';
export * from './sessions';
