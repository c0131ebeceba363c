import { defineDataCategory, fields, objectSchema } from '../data-category';

/** Bank and card account transactions (no account numbers). */
export const FINANCE_TRANSACTIONS = defineDataCategory({
  code: 'finance.transactions',
  label: { ja: '口座・カードの入出金明細', en: 'Account and card transactions' },
  description: {
    ja: '銀行口座やカードの入出金(日付、金額、相手先、摘要)です。口座番号やカード番号は含みません。',
    en: 'Money in and out of your bank accounts and cards (date, amount, counterparty, description). No account or card numbers.',
  },
  schema: objectSchema(
    {
      transactionId: fields.text(100),
      accountType: { enum: ['ordinary_deposit', 'time_deposit', 'credit_card', 'debit_card', 'electronic_money'] },
      bookedOn: fields.date(),
      direction: { enum: ['debit', 'credit'] },
      amountYen: fields.yen(),
      balanceAfterYen: fields.yen(-1_000_000_000_000),
      counterpartyName: fields.text(),
      description: fields.text(200),
      category: {
        enum: [
          'salary',
          'pension',
          'rent',
          'utilities',
          'telecom',
          'food',
          'transport',
          'shopping',
          'insurance',
          'tax',
          'transfer',
          'cash',
          'other',
        ],
      },
    },
    ['transactionId', 'accountType', 'bookedOn', 'direction', 'amountYen'],
  ),
  items: [
    { pointer: '/accountType', label: { ja: '口座・カードの種類', en: 'Account or card type' }, sensitivity: 'normal' },
    { pointer: '/bookedOn', label: { ja: '取引日', en: 'Transaction date' }, sensitivity: 'normal' },
    { pointer: '/direction', label: { ja: '入金/出金の別', en: 'Money in or out' }, sensitivity: 'normal' },
    { pointer: '/amountYen', label: { ja: '金額', en: 'Amount' }, sensitivity: 'normal' },
    { pointer: '/balanceAfterYen', label: { ja: '取引後の残高', en: 'Balance after the transaction' }, sensitivity: 'normal' },
    { pointer: '/counterpartyName', label: { ja: '取引の相手先', en: 'Counterparty' }, sensitivity: 'normal' },
    { pointer: '/description', label: { ja: '摘要', en: 'Description' }, sensitivity: 'normal' },
    { pointer: '/category', label: { ja: '支出・収入の分類', en: 'Spending or income category' }, sensitivity: 'normal' },
  ],
});
