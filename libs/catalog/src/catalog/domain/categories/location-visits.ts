import { defineDataCategory, fields, objectSchema } from '../data-category';

/** Places visited (stays detected by an app or check-ins). */
export const LOCATION_VISITS = defineDataCategory({
  code: 'location.visits',
  label: { ja: '訪問した場所', en: 'Places visited' },
  description: {
    ja: '訪れた場所(日時、場所の種類、都道府県、緯度経度)です。緯度経度は別の項目として選べます。',
    en: 'Places you visited (when, kind of place, prefecture, coordinates). Coordinates are a separate item you can leave out.',
  },
  schema: objectSchema(
    {
      visitId: fields.text(100),
      arrivedAt: fields.dateTime(),
      departedAt: fields.dateTime(),
      place: objectSchema(
        {
          name: fields.text(),
          // Deliberately no medical or religious kinds: those would reveal sensitive personal data.
          kind: {
            enum: [
              'retail',
              'restaurant',
              'cafe',
              'station',
              'airport',
              'hotel',
              'leisure',
              'sports',
              'office',
              'education',
              'public',
              'other',
            ],
          },
          prefecture: fields.prefecture(),
          coordinates: fields.coordinates(),
        },
        ['kind'],
      ),
    },
    ['visitId', 'arrivedAt', 'place'],
  ),
  items: [
    { pointer: '/arrivedAt', label: { ja: '到着日時', en: 'Arrival time' }, sensitivity: 'normal' },
    { pointer: '/departedAt', label: { ja: '出発日時', en: 'Departure time' }, sensitivity: 'normal' },
    { pointer: '/place/name', label: { ja: '場所の名前', en: 'Name of the place' }, sensitivity: 'normal' },
    { pointer: '/place/kind', label: { ja: '場所の種類', en: 'Kind of place' }, sensitivity: 'normal' },
    { pointer: '/place/prefecture', label: { ja: '場所の都道府県', en: 'Prefecture of the place' }, sensitivity: 'normal' },
    { pointer: '/place/coordinates', label: { ja: '緯度経度', en: 'Coordinates' }, sensitivity: 'normal' },
  ],
});
