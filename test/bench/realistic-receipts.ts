// Realistic convenience-store receipts for the benchmarks that deposit records (deposits, transfers).
import { randomInt } from 'node:crypto';

const PRODUCTS = [
  { name: 'おにぎり 鮭', jan: '4901234567894', price: 150, category: '惣菜' },
  { name: '緑茶 525ml', jan: '4909411084837', price: 140, category: '飲料' },
  { name: '食パン 6枚切', jan: '4903110123453', price: 198, category: 'パン' },
  { name: '牛乳 1000ml', jan: '4902720123458', price: 238, category: '乳製品' },
  { name: '卵 10個入', jan: '4580123456786', price: 268, category: '卵' },
  { name: 'バナナ', jan: '2000012345671', price: 158, category: '青果' },
  { name: '鶏もも肉 300g', jan: '2012345678907', price: 420, category: '精肉' },
  { name: 'カップ麺 しょうゆ', jan: '4902105123459', price: 178, category: '加工食品' },
  { name: '洗濯用洗剤 詰替', jan: '4901301123456', price: 348, category: '日用品' },
  { name: 'ヨーグルト 400g', jan: '4902705123455', price: 168, category: '乳製品' },
];
const STORES = [
  { name: 'さくらマート 渋谷駅前店', prefecture: '13' },
  { name: 'さくらマート 横浜西口店', prefecture: '14' },
  { name: 'さくらマート 梅田店', prefecture: '27' },
  { name: 'さくらマート 札幌大通店', prefecture: '01' },
];
const PAYMENTS = ['cash', 'credit_card', 'electronic_money', 'qr_code'];

/** A realistic `purchase.receipts` record of 1-5 products for `customerRef`, as a provider deposits it. */
export function realisticReceipt(recordId: string, customerRef: string, observedAt: Date): Record<string, unknown> {
  const lineItems = Array.from({ length: randomInt(1, 6) }, () => {
    const product = PRODUCTS[randomInt(PRODUCTS.length)];
    const quantity = randomInt(1, 4);
    return {
      name: product.name,
      janCode: product.jan,
      productCategory: product.category,
      quantity,
      unitPriceYen: product.price,
      amountYen: quantity * product.price,
    };
  });
  const totalYen = lineItems.reduce((sum, item) => sum + item.amountYen, 0);
  const at = observedAt.toISOString().replace('Z', '+00:00');
  return {
    recordId,
    customerRef,
    category: 'purchase.receipts',
    observedAt: at,
    data: {
      receiptId: `${String(randomInt(1, 9999)).padStart(4, '0')}-${String(randomInt(0, 99_999_999)).padStart(8, '0')}`,
      purchasedAt: at,
      channel: 'store',
      store: { ...STORES[randomInt(STORES.length)], chain: 'さくらマート' },
      lineItems,
      totalYen,
      taxYen: Math.floor((totalYen * 8) / 108),
      paymentMethod: PAYMENTS[randomInt(PAYMENTS.length)],
      pointsEarned: Math.floor(totalYen / 100),
    },
  };
}
