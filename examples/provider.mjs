// A provider (情報提供元) integrating with Infobank through @infobank/sdk: it gets a DPoP-bound token
// with its registered key, links a customer with the link code they bring from the bank's portal, and
// deposits a signed batch of records, sending the very same batch again when unsure it arrived.
//
// Usage (after `npm start`, which seeds the demo organisations, and `npm run build --prefix libs/sdk`):
//   node examples/provider.mjs [credentials.json] [--org sakura-mart] [--customer-ref SM-MEMBER-000101]
//                              [--link-code K7M2QX9TRB]
// In your own project: `npm install @infobank/sdk` and import from '@infobank/sdk' instead.
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { InfobankClient, ProviderClient, signingKeyFromPrivateJwk } from '../libs/sdk/dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: 'string', default: 'sakura-mart' },
    'customer-ref': { type: 'string', default: 'SM-MEMBER-000101' },
    'link-code': { type: 'string' },
  },
});
const credentialsFile = positionals[0] ?? '.data/demo/credentials.json';
const credentials = JSON.parse(await readFile(credentialsFile, 'utf8'));
const organisation = credentials.organisations.find((candidate) => candidate.slug === values.org);
if (organisation?.apis.intake === undefined) throw new Error(`${values.org} is not a provider in ${credentialsFile}`);

// 1. The client: your organisation id, your registered signing key (private JWK), and intake's URL.
//    The SDK makes a DPoP key of its own, gets tokens (private_key_jwt) and renews them when due.
const signingKey = await signingKeyFromPrivateJwk(JSON.parse(await readFile(organisation.signingKeyFile, 'utf8')));
const intake = await InfobankClient.create({ apiUrl: organisation.apis.intake, organisationId: organisation.id, signingKey });
const provider = new ProviderClient(intake);
const me = await intake.call('GET', '/v1/organisation');

// 2. Linking: the customer makes a link code at the bank's portal and gives it to you; you bind it to
//    your own pseudonymous reference for them (never a name or an e-mail).
const customerRef = values['customer-ref'];
const link = values['link-code'] === undefined ? null : await provider.redeemLinkCode(values['link-code'], customerRef);

// 3. A deposit: records about linked customers, signed as one batch. The batchId is yours; keep it
//    with the batch and send the same signed batch again after a timeout: the bank stores it once.
// An hour ago in Japan time (+09:00): a purchase is never observed in the future, whatever the hour.
const anHourAgo = `${new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19)}+09:00`;
const receiptId = `EX-${Date.now()}`;
const records = [
  {
    recordId: `SM-R-${receiptId}`,
    customerRef,
    category: 'purchase.receipts',
    observedAt: anHourAgo,
    data: {
      receiptId,
      purchasedAt: anHourAgo,
      channel: 'store',
      store: { name: 'さくらマート 渋谷駅前店', chain: 'さくらマート', prefecture: '13' },
      lineItems: [
        { name: 'おにぎり 梅', janCode: '4901234567894', quantity: 1, unitPriceYen: 140, amountYen: 140 },
        { name: 'ほうじ茶 500ml', quantity: 1, unitPriceYen: 150, amountYen: 150 },
      ],
      totalYen: 290,
      taxYen: 21,
      paymentMethod: 'electronic_money',
    },
  },
];
const batchId = `example-${receiptId}`;
const signed = await provider.signBatch(batchId, records);
// postSignedBatch (and deposit) send the same signed batch again by themselves after a network failure, 429 or 5xx.
const first = await provider.postSignedBatch(signed);
// Sending it again yourself (say, after a restart) is as safe: the bank answers as the first time, marked as replayed.
const again = await provider.postSignedBatch(signed);

console.log(
  JSON.stringify(
    {
      organisation: { id: me.id, name: me.name },
      link,
      deposit: { batchId: first.batchId, results: first.results },
      sentAgain: { replayed: again.replayed, sameAnswer: isDeepStrictEqual(again.results, first.results) },
    },
    null,
    2,
  ),
);
