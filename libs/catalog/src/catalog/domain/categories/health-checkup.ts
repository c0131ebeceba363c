import { defineDataCategory, fields, objectSchema } from '../data-category';

/** Health check-up results: sensitive personal data (要配慮個人情報) throughout. */
export const HEALTH_CHECKUP = defineDataCategory({
  code: 'health.checkup',
  label: { ja: '健康診断の結果', en: 'Health check-up results' },
  description: {
    ja: '健康診断の結果(身体計測、血圧、検査値、診断、アレルギー、処方薬)です。要配慮個人情報で、提供には毎回あらためて本人確認が必要です。',
    en: 'Your health check-up results (body measurements, blood pressure, test results, diagnoses, allergies, prescriptions). This is sensitive personal data: sharing it always needs you to confirm again.',
  },
  schema: objectSchema(
    {
      checkupId: fields.text(100),
      checkedOn: fields.date(),
      facilityName: fields.text(),
      body: objectSchema({
        heightCm: { type: 'number', minimum: 30, maximum: 260 },
        weightKg: { type: 'number', minimum: 1, maximum: 400 },
        bmi: { type: 'number', minimum: 5, maximum: 100 },
        waistCm: { type: 'number', minimum: 20, maximum: 250 },
      }),
      bloodPressure: objectSchema(
        { systolicMmHg: { type: 'integer', minimum: 40, maximum: 300 }, diastolicMmHg: { type: 'integer', minimum: 20, maximum: 200 } },
        ['systolicMmHg', 'diastolicMmHg'],
      ),
      tests: fields.list(
        objectSchema(
          {
            // JLAC10/JLAC11 laboratory test code, when the facility reports one.
            code: fields.text(30),
            name: fields.text(),
            value: { oneOf: [{ type: 'number' }, fields.text(100)] },
            unit: fields.text(30),
            referenceRange: fields.text(100),
            flag: { enum: ['normal', 'low', 'high', 'abnormal'] },
          },
          ['name', 'value'],
        ),
        300,
      ),
      diagnoses: fields.list(
        objectSchema(
          { name: fields.text(), icd10: { type: 'string', pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$' }, diagnosedOn: fields.date() },
          ['name'],
        ),
        100,
      ),
      allergies: fields.list(
        objectSchema({ substance: fields.text(), reaction: fields.text(), severity: { enum: ['mild', 'moderate', 'severe'] } }, [
          'substance',
        ]),
        100,
      ),
      prescriptions: fields.list(
        objectSchema(
          {
            drugName: fields.text(),
            // YJ code (個別医薬品コード), 12 characters.
            yjCode: { type: 'string', pattern: '^[0-9A-Z]{12}$' },
            dose: fields.text(100),
            frequency: fields.text(100),
            days: { type: 'integer', minimum: 1, maximum: 365 },
          },
          ['drugName'],
        ),
        100,
      ),
    },
    ['checkupId', 'checkedOn'],
  ),
  items: [
    { pointer: '/checkedOn', label: { ja: '受診日', en: 'Check-up date' }, sensitivity: 'normal' },
    { pointer: '/facilityName', label: { ja: '受診した医療機関', en: 'Medical facility' }, sensitivity: 'sensitive' },
    {
      pointer: '/body',
      label: { ja: '身体計測(身長・体重・BMI・腹囲)', en: 'Body measurements (height, weight, BMI, waist)' },
      sensitivity: 'sensitive',
    },
    { pointer: '/bloodPressure', label: { ja: '血圧', en: 'Blood pressure' }, sensitivity: 'sensitive' },
    { pointer: '/tests', label: { ja: '検査結果', en: 'Test results' }, sensitivity: 'sensitive' },
    { pointer: '/diagnoses', label: { ja: '診断名', en: 'Diagnoses' }, sensitivity: 'sensitive' },
    { pointer: '/allergies', label: { ja: 'アレルギー', en: 'Allergies' }, sensitivity: 'sensitive' },
    { pointer: '/prescriptions', label: { ja: '処方薬', en: 'Prescriptions' }, sensitivity: 'sensitive' },
  ],
});
