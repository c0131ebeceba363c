import { summariseOffer, type OfferSummaryInput } from './offer-summary';

const input = (overrides: Partial<OfferSummaryInput> = {}): OfferSummaryInput => ({
  recipient: { name: { ja: '株式会社サンプル', en: 'Sample K.K.' }, corporateNumber: '1234567890123', country: 'JP' },
  purpose: { label: { ja: '統計の作成', en: 'Statistics' }, description: { ja: '統計', en: 'Statistics' } },
  purposeText: { ja: '地域の人の流れを分析します。' },
  items: [
    { label: { ja: '移動経路', en: 'Route' }, required: true, sensitive: false },
    { label: { ja: '血圧', en: 'Blood pressure' }, required: false, sensitive: true },
  ],
  dataRange: { from: '2025-01-01T00:00:00Z', to: '2025-03-31T15:00:00Z' },
  fetch: { type: 'one_time' },
  dataLifeDays: 30,
  benefit: { type: 'social', description: { ja: '街づくりに役立てます', en: 'Better town planning' } },
  processingCountries: ['JP', 'SG'],
  profiling: false,
  decidedAt: new Date('2025-04-30T16:00:00Z'),
  ...overrides,
});

describe('plain-language summary of an offer', () => {
  it('Given an offer, when summarised in Japanese, then every question is answered in Japanese', () => {
    const summary = summariseOffer(input(), 'ja');
    expect(summary).toEqual({
      recipient: '株式会社サンプル(法人番号 1234567890123、所在国: 日本)',
      receives:
        '必須: 移動経路。任意(あなたが選べます): 血圧(要配慮)。2025年1月1日から2025年4月1日までの分のデータを、1回だけ受け取ります。',
      purpose: '統計の作成: 地域の人の流れを分析します。',
      retention: '受け取ったデータは最長30日間保管でき、その後は削除されます。',
      benefit: 'あなた個人への見返りはなく、社会への貢献です: 街づくりに役立てます',
      processing: 'データは日本、シンガポールで処理されます。',
      profiling: 'あなたを分析・予測すること(プロファイリング)はしません。',
      onwardTransfer: '受け取ったデータを他の会社に渡すこと(再提供)は禁止されています。',
      boardDecision: '2025年5月1日にデータ倫理審査会が承認しました。',
    });
  });

  it('Given an offer, when summarised in English, then English text is used and Japanese fills what the recipient did not translate', () => {
    const summary = summariseOffer(input({ fetch: { type: 'periodic', per: 'week', max: 1 }, profiling: true }), 'en');
    expect(summary.recipient).toBe('Sample K.K. (corporate number 1234567890123, based in Japan)');
    expect(summary.receives).toBe(
      'required: Route; optional (your choice): Blood pressure (sensitive). Data from 1 January 2025 to 1 April 2025; it receives them at most 1 time a week.',
    );
    expect(summary.purpose).toBe('Statistics: 地域の人の流れを分析します。');
    expect(summary.processing).toBe('Your data is processed in Japan and Singapore.');
    expect(summary.profiling).toBe('It analyses or predicts your preferences and behaviour (profiling).');
    expect(summary.boardDecision).toBe('Approved by the data ethics board on 1 May 2025.');
  });

  it('Given points and a rolling range, when summarised, then the amount and window are stated', () => {
    const summary = summariseOffer(
      input({ benefit: { type: 'points', amount: 1500, description: { ja: '毎月' } }, dataRange: { fromDaysAgo: 7 } }),
      'ja',
    );
    expect(summary.benefit).toBe('1,500ポイント: 毎月');
    expect(summary.receives).toContain('提供のたびに、直近7日分のデータを');
  });
});
