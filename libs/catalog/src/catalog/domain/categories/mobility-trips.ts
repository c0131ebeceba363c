import { defineDataCategory, fields, objectSchema } from '../data-category';

const endpoint = objectSchema({ name: fields.text(), prefecture: fields.prefecture(), coordinates: fields.coordinates() });

/** Trips by public transport, taxi, car, bicycle or on foot. */
export const MOBILITY_TRIPS = defineDataCategory({
  code: 'mobility.trips',
  label: { ja: '移動履歴', en: 'Trips' },
  description: {
    ja: '電車・バス・タクシー・車・自転車などでの移動(出発・到着の日時と場所、交通手段、距離、運賃)です。',
    en: 'Your trips by train, bus, taxi, car, bicycle and so on (when and where they began and ended, mode, distance, fare).',
  },
  schema: objectSchema(
    {
      tripId: fields.text(100),
      startedAt: fields.dateTime(),
      endedAt: fields.dateTime(),
      mode: { enum: ['train', 'bus', 'taxi', 'car', 'bicycle', 'walk', 'flight', 'ferry', 'other'] },
      origin: endpoint,
      destination: endpoint,
      distanceMeters: { type: 'integer', minimum: 0, maximum: 40_000_000 },
      fareYen: fields.yen(),
      co2Grams: { type: 'number', minimum: 0 },
    },
    ['tripId', 'startedAt', 'mode'],
  ),
  items: [
    { pointer: '/startedAt', label: { ja: '出発日時', en: 'Start time' }, sensitivity: 'normal' },
    { pointer: '/endedAt', label: { ja: '到着日時', en: 'End time' }, sensitivity: 'normal' },
    { pointer: '/mode', label: { ja: '交通手段', en: 'Mode of transport' }, sensitivity: 'normal' },
    { pointer: '/origin', label: { ja: '出発地', en: 'Origin' }, sensitivity: 'normal' },
    { pointer: '/destination', label: { ja: '到着地', en: 'Destination' }, sensitivity: 'normal' },
    { pointer: '/distanceMeters', label: { ja: '移動距離', en: 'Distance' }, sensitivity: 'normal' },
    { pointer: '/fareYen', label: { ja: '運賃・料金', en: 'Fare' }, sensitivity: 'normal' },
    { pointer: '/co2Grams', label: { ja: 'CO2排出量(推計)', en: 'Estimated CO2 emissions' }, sensitivity: 'normal' },
  ],
});
