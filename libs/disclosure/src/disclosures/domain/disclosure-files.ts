import type { DisclosureFormat, DisclosureSection } from './disclosure';

/** What one section's file holds, in Japanese and English (the bundle's README lists these). */
export interface SectionDescription {
  title: { ja: string; en: string };
  contents: { ja: string; en: string };
  /** The CSV file's columns, one row per item (nested values are JSON text in their cell). */
  csvColumns: readonly string[];
}

/** Every section's description and CSV layout. */
export const SECTION_FILES: Readonly<Record<DisclosureSection, SectionDescription>> = {
  profile: {
    title: { ja: 'アカウント情報', en: 'Your account' },
    contents: {
      ja: '銀行に登録されているあなたのID、メールアドレス、表示名、言語。',
      en: 'Your id at the bank, e-mail address, display name and language.',
    },
    csvColumns: ['individualId', 'email', 'displayName', 'language'],
  },
  links: {
    title: { ja: '連携している提供元', en: 'Provider links' },
    contents: {
      ja: 'データを預けている提供元との連携（解除したものを含む）と、その状態・日時。',
      en: 'Your links to the providers that deposit data about you (removed ones included), with their state and dates.',
    },
    csvColumns: [
      'linkId',
      'providerId',
      'providerName',
      'categories',
      'status',
      'customerRef',
      'createdAt',
      'codeExpiresAt',
      'linkedAt',
      'removedAt',
    ],
  },
  records: {
    title: { ja: '預けられているデータ', en: 'Your deposited data' },
    contents: {
      ja: '提供元から預かったすべてのデータと、その全版（古い版を含む）。各版に、どの提供元のどの署名付きバッチで受け取ったか（来歴）を添えています。',
      en: 'Every record providers deposited about you, with every version (older ones included). Each version names the provider, the signed batch it arrived in and when (its provenance).',
    },
    csvColumns: [
      'id',
      'recordId',
      'providerId',
      'category',
      'version',
      'observedAt',
      'data',
      'batchId',
      'batchDigest',
      'signingKid',
      'receivedAt',
      'supersededAt',
    ],
  },
  consents: {
    title: { ja: '同意とその記録', en: 'Consents and their receipts' },
    contents: {
      ja: 'あなたの同意のすべてと、その変更（付与・一時停止・再開・撤回・期限切れ）ごとの記録。各記録には銀行が署名した同意レシート（JWS）が付きます。',
      en: 'All your consents and every event of each (granted, paused, resumed, revoked, expired). Each event carries the consent receipt the bank signed (a JWS).',
    },
    csvColumns: [
      'consentId',
      'offerId',
      'recipientId',
      'recipientName',
      'purposeCode',
      'state',
      'mode',
      'source',
      'items',
      'grantedAt',
      'endedAt',
      'eventId',
      'eventVersion',
      'eventType',
      'occurredAt',
      'actor',
      'receiptId',
      'receipt',
    ],
  },
  provisions: {
    title: { ja: '第三者提供の記録', en: 'Provisions to third parties' },
    contents: {
      ja: 'あなたのデータをどの提供先に、いつ、どの同意に基づき、どの項目を提供したかの記録。各記録に透明性ログへの収録証明（署名付きチェックポイントと監査パス）を添えています（封印前のものは null）。',
      en: 'Which recipient received which items of your data, when and under which consent. Each record carries its proof of inclusion in the transparency log (signed checkpoint and audit path; null until sealed).',
    },
    csvColumns: [
      'id',
      'recipientId',
      'recipientName',
      'offerId',
      'purposeCode',
      'items',
      'records',
      'providedAt',
      'consentId',
      'consentVersion',
      'dataLifeEndsAt',
      'benefit',
      'proof',
    ],
  },
  benefits: {
    title: { ja: '受け取った便益', en: 'Benefits you received' },
    contents: {
      ja: '提供ごとに受け取ったポイント・金額・サービスと、その合計。',
      en: 'The points, money or services you received for each provision, and their totals.',
    },
    csvColumns: ['id', 'provisionId', 'offerId', 'recipientId', 'recipientName', 'type', 'amount', 'description', 'creditedAt'],
  },
  notices: {
    title: { ja: '提供先への通知と削除の報告', en: 'Notices to recipients and their deletion reports' },
    contents: {
      ja: '同意の撤回・保存期間の終了などで提供先に送った通知と、提供先からの削除の報告（証明）の状態・日時。',
      en: 'The notices sent to recipients when you withdrew consent or a data life ended, and whether and when each recipient attested deleting your data.',
    },
    csvColumns: [
      'consentId',
      'consentState',
      'withdrawnAt',
      'recipientId',
      'recipientName',
      'kind',
      'status',
      'issuedAt',
      'dueAt',
      'attestedAt',
    ],
  },
  complaints: {
    title: { ja: '苦情・お問い合わせ', en: 'Complaints and enquiries' },
    contents: {
      ja: 'あなたが苦情相談窓口に出した苦情・お問い合わせと、そのやり取りのすべて（あなたの書き込み、窓口からの回答・質問・完了のご説明）と日時。',
      en: 'The complaints and enquiries you filed with the complaints desk, and every step of each thread (what you wrote, and the desk’s answers, questions and closing explanation) with its time.',
    },
    csvColumns: [
      'complaintId',
      'category',
      'status',
      'escalated',
      'filedAt',
      'updatedAt',
      'closedAt',
      'relatedConsentId',
      'relatedProvisionId',
      'relatedRecipientId',
      'messageType',
      'messageBy',
      'messageAt',
      'messageText',
    ],
  },
};

/** The bundle's manifest (what the signature covers) and its detached copy as a JWS. */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_JWS_FILE = 'manifest.jws';
export const README_FILE = 'README.md';

/** The JWS `typ` of a signed disclosure manifest. */
export const DISCLOSURE_MANIFEST_TYPE = 'disclosure-manifest+jwt';

/** The file name a section is written to in a format. */
export function sectionFileName(section: DisclosureSection, format: DisclosureFormat): string {
  return `${section}.${format}`;
}

/** The media type of a bundle file, by extension. */
export function mediaTypeOf(fileName: string): string {
  if (fileName.endsWith('.json')) return 'application/json';
  if (fileName.endsWith('.csv')) return 'text/csv; charset=utf-8; header=present';
  if (fileName.endsWith('.jws')) return 'application/jose';
  return 'text/markdown; charset=utf-8';
}

/** One file the manifest lists, with what checks it. */
export interface ManifestFile {
  name: string;
  section: DisclosureSection | null;
  mediaType: string;
  bytes: number;
  /** SHA-256 of the file's bytes, lowercase hex (what `sha256sum` prints). */
  sha256: string;
  /** The `$id` of the JSON Schema the file (or, for CSV, its rows) validates against; null for the README. */
  schema: string | null;
}

/** The manifest: which request, who, when, and every file with its digest; signed by the bank. */
export interface DisclosureManifest {
  $schema: string;
  disclosureId: string;
  individualId: string;
  format: DisclosureFormat;
  sections: DisclosureSection[];
  requestedAt: string;
  generatedAt: string;
  files: ManifestFile[];
}

/** The README of a bundle (Japanese first, then English): what each file is and how to check them. */
export function bundleReadme(
  manifest: Pick<DisclosureManifest, 'disclosureId' | 'format' | 'sections' | 'generatedAt'>,
  schemaBaseUrl: string,
): string {
  const ja = manifest.sections.map(
    (section) =>
      `- \`${sectionFileName(section, manifest.format)}\` — ${SECTION_FILES[section].title.ja}: ${SECTION_FILES[section].contents.ja}`,
  );
  const en = manifest.sections.map(
    (section) =>
      `- \`${sectionFileName(section, manifest.format)}\` — ${SECTION_FILES[section].title.en}: ${SECTION_FILES[section].contents.en}`,
  );
  return [
    '# 開示請求の回答 (Infobank)',
    '',
    `開示請求 ${manifest.disclosureId} に対し、${manifest.generatedAt} に作成しました。`,
    '',
    '## ファイル',
    '',
    ...ja,
    `- \`${MANIFEST_FILE}\` — 目録: 各ファイルの名前・大きさ・SHA-256 ハッシュ・スキーマ。`,
    `- \`${MANIFEST_JWS_FILE}\` — 目録に銀行が署名したもの（JWS, EdDSA）。銀行の公開鍵 \`/.well-known/jwks.json\` で検証できます。`,
    '',
    '## 確かめ方',
    '',
    `1. \`${MANIFEST_JWS_FILE}\` の署名を銀行の JWKS で検証し、その内容が \`${MANIFEST_FILE}\` と同じことを確かめます。`,
    '2. 各ファイルの SHA-256（`sha256sum` など）が目録の値と一致することを確かめます。',
    `3. 各ファイルは目録に書かれた JSON Schema（${schemaBaseUrl}）に従います。CSV は1行目が見出しで、各行を見出しをキーとする文字列のオブジェクトとして検証します。`,
    '',
    'ほかのサービスへ移す（データポータビリティ）ときも、このファイル一式とスキーマをそのままお使いください。',
    '',
    '# Your disclosure (Infobank)',
    '',
    `Made at ${manifest.generatedAt} in answer to disclosure request ${manifest.disclosureId}.`,
    '',
    '## Files',
    '',
    ...en,
    `- \`${MANIFEST_FILE}\` — the manifest: each file's name, size, SHA-256 digest and schema.`,
    `- \`${MANIFEST_JWS_FILE}\` — the manifest signed by the bank (JWS, EdDSA); verify it with the bank's public keys at \`/.well-known/jwks.json\`.`,
    '',
    '## How to check',
    '',
    `1. Verify the signature of \`${MANIFEST_JWS_FILE}\` with the bank's JWKS and check that its payload equals \`${MANIFEST_FILE}\`.`,
    "2. Check that each file's SHA-256 (e.g. with `sha256sum`) matches the manifest.",
    `3. Each file follows the JSON Schema the manifest names (${schemaBaseUrl}). A CSV file's first line is its header; validate each row as an object of strings keyed by the header.`,
    '',
    'To move your data to another service (data portability), hand it these files and the schemas as they are.',
    '',
  ].join('\n');
}
