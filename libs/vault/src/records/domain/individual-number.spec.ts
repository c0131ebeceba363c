import {
  checkDigit,
  containsIndividualNumber,
  DIGIT_FREE_BLOCKS,
  findIndividualNumbers,
  isIndividualNumber,
  MAX_DIGITS_PER_CODE_POINT,
} from './individual-number';

/** How many ASCII digits NFKC makes of one code point. */
const digitsAfterNfkc = (codePoint: number) => (String.fromCodePoint(codePoint).normalize('NFKC').match(/[0-9]/g) ?? []).length;

/** Makes a valid 個人番号 from 11 digits by appending its check digit. */
const valid = (eleven: string) => `${eleven}${checkDigit(eleven)}`;
/** The same 11 digits with every wrong check digit. */
const invalid = (eleven: string) =>
  Array.from({ length: 10 }, (_, digit) => `${eleven}${digit}`).filter((candidate) => candidate !== valid(eleven));

describe('個人番号 (My Number) detection', () => {
  it('Given the commonly cited example 123456789018, then its check digit is 8 and it is detected', () => {
    expect(checkDigit('12345678901')).toBe(8);
    expect(isIndividualNumber('123456789018')).toBe(true);
    expect(containsIndividualNumber('123456789018')).toBe(true);
  });

  it('Given remainders 0 and 1, then the check digit is 0 (施行令 第8条)', () => {
    // Σ Pn×Qn for 00000000001 is 1×2 = 2 → 11 − 2 = 9; for 00000000000 it is 0 → 0.
    expect(checkDigit('00000000000')).toBe(0);
    expect(checkDigit('00000000001')).toBe(9);
    // 00000000050: P2 = 5, Q2 = 3 → 15 mod 11 = 4 → 7; 10000000000: P11 = 1, Q11 = 6 → 6 → 5.
    expect(checkDigit('00000000050')).toBe(7);
    expect(checkDigit('10000000000')).toBe(5);
    // 00000500000: P6 = 5, Q6 = 7 → 35 mod 11 = 2 → 9; 00000000006: P1 = 6, Q1 = 2 → 12 mod 11 = 1 → 0.
    expect(checkDigit('00000500000')).toBe(9);
    expect(checkDigit('00000000006')).toBe(0);
  });

  it.each(['12345678901', '98765432109', '31415926535', '27182818284'])(
    'Given %s with each wrong check digit, then nothing is detected (no false positive)',
    (eleven) => {
      expect(isIndividualNumber(valid(eleven))).toBe(true);
      for (const candidate of invalid(eleven)) {
        expect(isIndividualNumber(candidate)).toBe(false);
        expect(containsIndividualNumber(`番号 ${candidate}`)).toBe(false);
      }
    },
  );

  it.each([
    ['spaces', '1234 5678 9018'],
    ['hyphens', '1234-5678-9018'],
    ['full-width digits and hyphens', '１２３４－５６７８－９０１８'],
    ['ideographic spaces', '１２３４\u3000５６７８\u3000９０１８'],
    ['inside a sentence', 'マイナンバーは1234-5678-9018です'],
    ['after a date on the same line', '2024-01-15 1234 5678 9018'],
  ])('Given a valid number written with %s, then it is detected', (_how, text) => {
    expect(containsIndividualNumber(text)).toBe(true);
  });

  it.each([
    ['13 digits (a JAN code)', '4901234567894'],
    ['a longer number around it', '91234567890189'],
    ['11 digits', '12345678901'],
    ['a phone number', '090-1234-5678'],
    ['a date-time', '2025-01-15T10:30:00+09:00'],
    ['a credit card number', '4111 1111 1111 1111'],
    ['a store and receipt number with a valid check digit', '0012-34567892'],
    ['12 digits in groups other than the card layout', '123-456-789-018'],
  ])('Given %s, then it is not taken for a 個人番号', (_what, text) => {
    expect(containsIndividualNumber(text)).toBe(false);
  });

  it('Given a record, then every string, key and 12-digit whole number holding one is found by JSON pointer', () => {
    const data = {
      name: '山田',
      note: 'id 1234-5678-9018',
      items: [{ price: 100 }, { code: 123456789018 }, { code: 123456789017 }],
      'a/b': { '123456789018': 'key' },
    };
    expect(findIndividualNumbers(data)).toEqual(['/note', '/items/1/code', '/a~1b/123456789018']);
    expect(findIndividualNumbers({ total: 1500, list: ['123456789017'] })).toEqual([]);
  });

  it('Given member names seen before (names are remembered once found clean), then a name holding one is still found every time', () => {
    const names = Array.from({ length: 3_000 }, (_, index) => `item${index}`);
    for (let round = 0; round < 2; round += 1) {
      expect(findIndividualNumbers(Object.fromEntries(names.map((name) => [name, 1])))).toEqual([]);
      expect(findIndividualNumbers({ item1: 1, '1234 5678 9018': 2 })).toEqual(['/1234 5678 9018']);
      expect(findIndividualNumbers({ '1234 5678 9018': 2 })).toEqual(['/1234 5678 9018']);
    }
  });

  it('Given any code point, then NFKC makes at most MAX_DIGITS_PER_CODE_POINT digits of it, and none in the digit-free blocks (the bound that skips NFKC)', () => {
    let most = 0;
    for (let codePoint = 0x80; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint < 0xd800 || codePoint > 0xdfff) most = Math.max(most, digitsAfterNfkc(codePoint));
    }
    expect(most).toBe(MAX_DIGITS_PER_CODE_POINT);
    const digitsInFreeBlocks: string[] = [];
    for (const [first, last] of DIGIT_FREE_BLOCKS) {
      for (let codePoint = first; codePoint <= last; codePoint += 1) {
        if (digitsAfterNfkc(codePoint) > 0) digitsInFreeBlocks.push(codePoint.toString(16));
      }
    }
    expect(digitsInFreeBlocks).toEqual([]);
  });

  it.each([
    ['circled numbers', '①②③④⑤⑥⑦⑧⑨⓪①⑧'],
    ['circled two-digit numbers (six characters, twelve digits)', '⑫㉞㊺㉓㉛⑮'],
    ['full-width digits among kana', 'ばんごう１２３４５６７８９０１８です'],
    ['mathematical digits (outside the BMP)', '𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖'],
  ])('Given a valid number written with %s, then NFKC is still applied and it is detected', (_how, text) => {
    expect(containsIndividualNumber(text)).toBe(true);
  });
});
