/** How the individual's vault use cases (portal routes guard them) refuse anyone else: as unauthenticated. */
export const ONLY_SIGNED_IN_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual manages their links.' };

/** How the provider's vault use cases (intake routes guard them) refuse anyone else: as unauthenticated. */
export const ONLY_AUTHENTICATED_PROVIDERS = { code: 'UNAUTHENTICATED', detail: 'Only an authenticated provider links its customers.' };
