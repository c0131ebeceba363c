import { corporateNumberCheckDigit, corporateNumberProblem, isValidCorporateNumber, validCorporateNumber } from './corporate-number';

describe('corporate number (法人番号) check digit', () => {
  it.each([
    ['7000012050002', 'National Tax Agency (国税庁)'],
    ['4011001098993', 'a published company number'],
    ['2120901007402', 'a worked example from a tax accountant’s guide'],
    ['7123456789012', 'the worked example of the ministerial ordinance’s formula'],
  ])('Given %s (%s), when checked, then it is valid', (number) => {
    expect(isValidCorporateNumber(number)).toBe(true);
    expect(corporateNumberProblem(number)).toBeUndefined();
  });

  it('Given the base number of the NTA, when the check digit is computed, then it is 7', () => {
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it.each([
    ['8000012050002', 'wrong check digit'],
    ['7000012050003', 'one base digit mistyped'],
    ['7000021050002', 'two base digits swapped'],
    ['700001205000', 'twelve digits'],
    ['70000120500020', 'fourteen digits'],
    ['7000-1205-0002', 'separators'],
    ['７００００１２０５０００２', 'full-width digits'],
    ['', 'empty'],
  ])('Given %s (%s), when checked, then it is refused', (number) => {
    expect(isValidCorporateNumber(number)).toBe(false);
    expect(corporateNumberProblem(number)).toEqual(expect.any(String));
  });

  it('Given a non-string, when checked, then it is refused without throwing', () => {
    expect(isValidCorporateNumber(7000012050002)).toBe(false);
    expect(corporateNumberProblem(null)).toBe('must be a string of 13 digits');
  });

  it('Given any 12-digit base, when validCorporateNumber builds the number, then it is valid and keeps the base', () => {
    for (const base of ['000000000000', '999999999999', '012345678901', '000012050002']) {
      const number = validCorporateNumber(base);
      expect(number).toHaveLength(13);
      expect(number.slice(1)).toBe(base);
      expect(isValidCorporateNumber(number)).toBe(true);
    }
    expect(validCorporateNumber('000012050002')).toBe('7000012050002');
  });

  it('Given a base that is not 12 digits, when a check digit is asked for, then it throws', () => {
    expect(() => corporateNumberCheckDigit('12345')).toThrow(RangeError);
  });

  it('Given every single-digit mistype of a valid number, when checked, then almost all are caught', () => {
    const valid = '7000012050002';
    let caught = 0;
    let total = 0;
    for (let position = 1; position < 13; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === valid[position]) continue;
        total += 1;
        if (!isValidCorporateNumber(valid.slice(0, position) + digit + valid.slice(position + 1))) caught += 1;
      }
    }
    // Mod 9 cannot tell 0 from 9 in an odd position; everything else is caught.
    expect(caught / total).toBeGreaterThan(0.9);
  });
});
