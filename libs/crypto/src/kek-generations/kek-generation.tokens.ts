/** Injection token of the KekGenerationPolicy (rotation period, backup retention). */
export const KEK_GENERATION_POLICY = Symbol('KEK_GENERATION_POLICY');
