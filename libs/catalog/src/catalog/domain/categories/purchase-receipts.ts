import { defineDataCategory, fields, objectSchema } from '../data-category';

/** Purchase receipts from shops and online stores. */
export const PURCHASE_RECEIPTS = defineDataCategory({
  code: 'purchase.receipts',
  label: { ja: '購買履歴(レシート)', en: 'Purchase receipts' },
  description: {
    ja: 'お店やネット通販で買ったもの(日時、お店、商品、金額、支払い方法)です。',
    en: 'What you bought in shops and online: when, where, which products, how much and how you paid.',
  },
  schema: objectSchema(
    {
      receiptId: fields.text(100),
      purchasedAt: fields.dateTime(),
      channel: { enum: ['store', 'online'] },
      store: objectSchema({ name: fields.text(), chain: fields.text(), prefecture: fields.prefecture() }, ['name']),
      lineItems: fields.list(
        objectSchema(
          {
            name: fields.text(),
            // JAN (GTIN-8 or GTIN-13) product code printed under the barcode.
            janCode: { type: 'string', pattern: '^([0-9]{8}|[0-9]{13})$' },
            productCategory: fields.text(100),
            quantity: { type: 'number', exclusiveMinimum: 0, maximum: 100_000 },
            unitPriceYen: fields.yen(),
            amountYen: fields.yen(-1_000_000_000),
          },
          ['name', 'quantity', 'amountYen'],
        ),
        500,
      ),
      totalYen: fields.yen(-1_000_000_000),
      taxYen: fields.yen(),
      paymentMethod: { enum: ['cash', 'credit_card', 'debit_card', 'electronic_money', 'qr_code', 'points', 'other'] },
      pointsEarned: { type: 'integer', minimum: 0, maximum: 100_000_000 },
    },
    ['receiptId', 'purchasedAt', 'channel', 'totalYen'],
  ),
  items: [
    { pointer: '/purchasedAt', label: { ja: '購入日時', en: 'Date and time of purchase' }, sensitivity: 'normal' },
    { pointer: '/channel', label: { ja: '店舗/通販の別', en: 'In store or online' }, sensitivity: 'normal' },
    { pointer: '/store', label: { ja: '購入したお店', en: 'Shop' }, sensitivity: 'normal' },
    { pointer: '/lineItems', label: { ja: '購入した商品と金額', en: 'Products bought and their prices' }, sensitivity: 'normal' },
    { pointer: '/totalYen', label: { ja: '合計金額', en: 'Total amount' }, sensitivity: 'normal' },
    { pointer: '/taxYen', label: { ja: '消費税額', en: 'Consumption tax' }, sensitivity: 'normal' },
    { pointer: '/paymentMethod', label: { ja: '支払い方法', en: 'Payment method' }, sensitivity: 'normal' },
    { pointer: '/pointsEarned', label: { ja: '付与されたポイント', en: 'Points earned' }, sensitivity: 'normal' },
  ],
});
