/**
 * 法人番号 (corporate number): 13 digits, the first a check digit computed from the 12-digit base
 * number (法人番号の指定等に関する省令 第2条): 9 − ((Σ Pn × Qn) mod 9), Pn the n-th digit counted
 * from the right of the base number, Qn = 1 for odd n and 2 for even n.
 */
export type CorporateNumber = string & { readonly __brand: 'CorporateNumber' };

const thirteenDigits = /^[0-9]{13}$/;
const twelveDigits = /^[0-9]{12}$/;

/** The check digit (1–9) of a 12-digit base number (会社法人等番号 or NTA-assigned base). */
export function corporateNumberCheckDigit(base12: string): number {
  if (!twelveDigits.test(base12)) throw new RangeError('A corporate number base must be exactly 12 digits.');
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True when `value` is 13 digits whose first digit is the check digit of the other 12. */
export function isValidCorporateNumber(value: unknown): value is CorporateNumber {
  return typeof value === 'string' && thirteenDigits.test(value) && Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}

/** The full, valid 13-digit corporate number for a 12-digit base (for tests, seeding and operators). */
export function validCorporateNumber(base12: string): CorporateNumber {
  return `${corporateNumberCheckDigit(base12)}${base12}` as CorporateNumber;
}

/** Why `value` is not a corporate number, or undefined when it is one. */
export function corporateNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string of 13 digits';
  if (!thirteenDigits.test(value)) return 'must be exactly 13 digits (法人番号)';
  if (!isValidCorporateNumber(value)) return 'has a wrong check digit (the first digit)';
  return undefined;
}
