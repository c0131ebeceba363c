/** Prefix of the kek id of a KEK generation (`kek-gen-7`); reserved, so configured legacy KEKs cannot use it. */
export const GENERATION_KEK_ID_PREFIX = 'kek-gen-';

/** The kek id a data key wrapped under this generation carries (authenticated as the wrap's AAD). */
export function kekIdOfGeneration(generation: number): string {
  return `${GENERATION_KEK_ID_PREFIX}${generation}`;
}

/** The generation a kek id names, or null for a legacy KEK from config (`BANK_KEK`, `<keys>/kek`). */
export function generationOfKekId(kekId: string): number | null {
  if (!kekId.startsWith(GENERATION_KEK_ID_PREFIX)) return null;
  const digits = kekId.slice(GENERATION_KEK_ID_PREFIX.length);
  return /^[1-9]\d{0,8}$/.test(digits) ? Number(digits) : null;
}
