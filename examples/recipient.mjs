// A recipient (提供先) integrating with Infobank through @infobank/sdk: it requests a transfer under its
// approved offer, waits for the bank to build it, downloads each part, decrypts it with its own key,
// verifies the bank's signature and reads the subjects; then it attests the deletion of anything an
// open notice names (a real recipient deletes the data first).
//
// Usage (after `npm start`, which seeds the demo organisations, and `npm run build --prefix libs/sdk`):
//   node examples/recipient.mjs [credentials.json] [--org hidamari-health]
// In your own project: `npm install @infobank/sdk` and import from '@infobank/sdk' instead.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InfobankClient, RecipientClient, signingKeyFromPrivateJwk } from '../libs/sdk/dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { org: { type: 'string', default: 'hidamari-health' } } });
const credentialsFile = positionals[0] ?? '.data/demo/credentials.json';
const credentials = JSON.parse(await readFile(credentialsFile, 'utf8'));
const organisation = credentials.organisations.find((candidate) => candidate.slug === values.org);
if (organisation?.apis.gateway === undefined) throw new Error(`${values.org} is not a recipient in ${credentialsFile}`);

// 1. The client: your id, your registered signing key, the gateway's URL, and the private half of the
//    encryption key you registered (the bank encrypts every part to it).
const signingKey = await signingKeyFromPrivateJwk(JSON.parse(await readFile(organisation.signingKeyFile, 'utf8')));
const decryptionKey = JSON.parse(await readFile(organisation.encryptionKeyFile, 'utf8'));
const gateway = await InfobankClient.create({ apiUrl: organisation.apis.gateway, organisationId: organisation.id, signingKey });
const recipient = new RecipientClient(gateway, decryptionKey);

// 2. An approved offer (the data ethics board approved it; individuals consented to it at the portal).
const offer = (await recipient.listOffers()).find((candidate) => candidate.status === 'approved');
if (offer === undefined) throw new Error('No approved offer: draft one, submit it and wait for the board');

// 3. A transfer request. Keep the Idempotency-Key: sent again, it returns the same transfer.
const idempotencyKey = randomUUID();
const requested = await recipient.requestTransfer(offer.id, { idempotencyKey });
const retried = await recipient.requestTransfer(offer.id, { idempotencyKey });

// 4. Wait for the bank to build it, then download, decrypt and verify each part, subject by subject.
const transfer = await recipient.waitForTransfer(requested.transferId, { intervalMs: 500 });
const received = { subjects: 0, records: 0, categories: {} };
for await (const subject of recipient.subjects(requested.transferId)) {
  received.subjects += 1;
  for (const record of subject.records) {
    received.records += 1;
    received.categories[record.category] = (received.categories[record.category] ?? 0) + 1;
  }
}

// 5. Notices: consent withdrawn, data life over, erasure… Delete what each names, then attest it.
//    (With a webhook registered, the bank also POSTs each notice: verify it with recipient.verifyWebhook(body).)
const attested = [];
for (const notice of (await recipient.listNotices({ status: 'open' })).notices) {
  // deleteEverywhere(notice.subjects, notice.transfers) — your systems and backups.
  const done = await recipient.attest(notice, { statement: '対象データを全システムとバックアップから削除しました。' });
  attested.push({ noticeId: done.noticeId, status: done.status });
}

console.log(
  JSON.stringify(
    {
      organisation: organisation.id,
      offer: { id: offer.id, purposeCode: offer.purposeCode },
      transfer: {
        id: transfer.id,
        status: transfer.status,
        parts: transfer.parts,
        counts: transfer.counts,
        sameTransferWhenSentAgain: retried.transferId === requested.transferId && retried.replayed,
      },
      received,
      attested,
    },
    null,
    2,
  ),
);
