/** One demo individual linked to one demo provider, and what that provider deposits about them. */
export interface DemoDeposit {
  individualEmail: string;
  providerSlug: string;
  /** The provider's own (pseudonymous) reference for the customer. */
  customerRef: string;
  category: 'purchase.receipts' | 'finance.transactions' | 'mobility.trips';
  records: { recordId: string; observedAt: string; data: Record<string, unknown> }[];
}

/** Fixed content and ids, so that seeding again deposits exactly the same batches (answered as before). */
export const DEMO_DEPOSIT_BATCH_VERSION = 'v1';

const HANAKO = 'yamada.hanako@demo.example.jp';
const KEN = 'sato.ken@demo.example.jp';
const EMILY = 'emily.tanaka@demo.example.jp';

function receipt(recordId: string, at: string, store: string, items: [string, string, number, number][], payment: string) {
  const lineItems = items.map(([name, janCode, quantity, unitPriceYen]) => ({
    name,
    janCode,
    quantity,
    unitPriceYen,
    amountYen: quantity * unitPriceYen,
  }));
  const totalYen = lineItems.reduce((sum, item) => sum + item.amountYen, 0);
  return {
    recordId,
    observedAt: at,
    data: {
      receiptId: recordId,
      purchasedAt: at,
      channel: 'store',
      store: { name: store, chain: 'さくらマート', prefecture: '13' },
      lineItems,
      totalYen,
      taxYen: Math.floor((totalYen * 8) / 108),
      paymentMethod: payment,
      pointsEarned: Math.floor(totalYen / 100),
    },
  };
}

function transaction(
  recordId: string,
  bookedOn: string,
  direction: 'debit' | 'credit',
  amountYen: number,
  counterpartyName: string,
  category: string,
) {
  return {
    recordId,
    observedAt: `${bookedOn}T09:00:00+09:00`,
    data: {
      transactionId: recordId,
      accountType: 'ordinary_deposit',
      bookedOn,
      direction,
      amountYen,
      counterpartyName,
      description: counterpartyName,
      category,
    },
  };
}

function trip(
  recordId: string,
  startedAt: string,
  endedAt: string,
  origin: string,
  destination: string,
  fareYen: number,
  distanceMeters: number,
) {
  return {
    recordId,
    observedAt: endedAt,
    data: {
      tripId: recordId,
      startedAt,
      endedAt,
      mode: 'train',
      origin: { name: origin, prefecture: '14' },
      destination: { name: destination, prefecture: '13' },
      distanceMeters,
      fareYen,
    },
  };
}

/** Links and records of the demo: receipts at さくらマート, transactions at 青葉信用金庫, trips with みなと交通. */
export const DEMO_DEPOSITS: readonly DemoDeposit[] = [
  {
    individualEmail: HANAKO,
    providerSlug: 'sakura-mart',
    customerRef: 'SM-MEMBER-000101',
    category: 'purchase.receipts',
    records: [
      receipt(
        'SM-R-20260301-0001',
        '2026-03-01T10:12:00+09:00',
        'さくらマート 渋谷駅前店',
        [
          ['おにぎり 鮭', '4901234567894', 2, 150],
          ['緑茶 525ml', '4909411084837', 1, 140],
        ],
        'electronic_money',
      ),
      receipt(
        'SM-R-20260305-0042',
        '2026-03-05T19:40:00+09:00',
        'さくらマート 渋谷駅前店',
        [
          ['牛乳 1000ml', '4902720123458', 1, 238],
          ['食パン 6枚切', '4903110123453', 1, 198],
          ['卵 10個入', '4580123456786', 1, 268],
        ],
        'credit_card',
      ),
      receipt(
        'SM-R-20260312-0107',
        '2026-03-12T12:05:00+09:00',
        'さくらマート 恵比寿店',
        [
          ['鶏もも肉 300g', '2012345678907', 1, 420],
          ['ヨーグルト 400g', '4902705123455', 2, 168],
        ],
        'qr_code',
      ),
    ],
  },
  {
    individualEmail: HANAKO,
    providerSlug: 'aoba-shinkin',
    customerRef: 'AOBA-CIF-7730021',
    category: 'finance.transactions',
    records: [
      transaction('AOBA-T-20260225-01', '2026-02-25', 'credit', 285_000, 'カブシキガイシャ サクラデザイン', 'salary'),
      transaction('AOBA-T-20260227-02', '2026-02-27', 'debit', 92_000, 'ミナトフドウサン', 'rent'),
      transaction('AOBA-T-20260305-03', '2026-03-05', 'debit', 8_420, 'トウキョウデンリョク', 'utilities'),
    ],
  },
  {
    individualEmail: HANAKO,
    providerSlug: 'minato-transit',
    customerRef: 'MT-IC-5501-2210',
    category: 'mobility.trips',
    records: [
      trip('MT-TRIP-20260302-0815', '2026-03-02T08:15:00+09:00', '2026-03-02T08:52:00+09:00', '横浜駅', '渋谷駅', 420, 29_000),
      trip('MT-TRIP-20260302-1830', '2026-03-02T18:30:00+09:00', '2026-03-02T19:08:00+09:00', '渋谷駅', '横浜駅', 420, 29_000),
    ],
  },
  {
    individualEmail: KEN,
    providerSlug: 'sakura-mart',
    customerRef: 'SM-MEMBER-000202',
    category: 'purchase.receipts',
    records: [
      receipt(
        'SM-R-20260303-0311',
        '2026-03-03T21:15:00+09:00',
        'さくらマート 横浜西口店',
        [
          ['カップ麺 しょうゆ', '4902105123459', 3, 178],
          ['緑茶 525ml', '4909411084837', 2, 140],
        ],
        'cash',
      ),
      receipt(
        'SM-R-20260310-0402',
        '2026-03-10T08:02:00+09:00',
        'さくらマート 横浜西口店',
        [
          ['おにぎり 鮭', '4901234567894', 1, 150],
          ['バナナ', '2000012345671', 1, 158],
        ],
        'electronic_money',
      ),
    ],
  },
  {
    individualEmail: KEN,
    providerSlug: 'minato-transit',
    customerRef: 'MT-IC-5501-3307',
    category: 'mobility.trips',
    records: [trip('MT-TRIP-20260304-0740', '2026-03-04T07:40:00+09:00', '2026-03-04T08:20:00+09:00', '桜木町駅', '品川駅', 480, 31_500)],
  },
  {
    individualEmail: EMILY,
    providerSlug: 'aoba-shinkin',
    customerRef: 'AOBA-CIF-7730388',
    category: 'finance.transactions',
    records: [
      transaction('AOBA-T-20260225-11', '2026-02-25', 'credit', 310_000, 'ミナトコウツウ カブシキガイシャ', 'salary'),
      transaction('AOBA-T-20260301-12', '2026-03-01', 'debit', 6_980, 'アオバモバイル', 'telecom'),
    ],
  },
  {
    individualEmail: EMILY,
    providerSlug: 'sakura-mart',
    customerRef: 'SM-MEMBER-000303',
    category: 'purchase.receipts',
    records: [
      receipt(
        'SM-R-20260307-0515',
        '2026-03-07T17:45:00+09:00',
        'さくらマート 品川港南店',
        [
          ['洗濯用洗剤 詰替', '4901301123456', 1, 348],
          ['牛乳 1000ml', '4902720123458', 1, 238],
        ],
        'debit_card',
      ),
    ],
  },
];
