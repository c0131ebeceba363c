import { defineDataCategory, fields, objectSchema } from '../data-category';

/** Basic profile: name (kanji and kana), birth year and prefecture of residence. */
export const PROFILE_BASIC = defineDataCategory({
  code: 'profile.basic',
  label: { ja: '基本プロフィール', en: 'Basic profile' },
  description: {
    ja: 'お名前(漢字・カナ)、生まれた年、お住まいの都道府県です。住所の番地や電話番号は含みません。',
    en: 'Your name (kanji and kana), year of birth and prefecture of residence. No street address or phone number.',
  },
  schema: objectSchema(
    {
      name: objectSchema(
        {
          kanji: fields.text(100),
          // Full-width katakana, the long-vowel mark and spaces, as on Japanese forms.
          kana: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\u30A1-\\u30FA\\u30FC\\u3000 ]+$' },
        },
        ['kanji', 'kana'],
      ),
      birthYear: { type: 'integer', minimum: 1900, maximum: 2100 },
      prefecture: fields.prefecture(),
    },
    ['name'],
  ),
  items: [
    { pointer: '/name/kanji', label: { ja: '氏名(漢字)', en: 'Name (kanji)' }, sensitivity: 'normal' },
    { pointer: '/name/kana', label: { ja: '氏名(カナ)', en: 'Name (kana)' }, sensitivity: 'normal' },
    { pointer: '/birthYear', label: { ja: '生まれた年', en: 'Year of birth' }, sensitivity: 'normal' },
    { pointer: '/prefecture', label: { ja: 'お住まいの都道府県', en: 'Prefecture of residence' }, sensitivity: 'normal' },
  ],
});
