import { Injectable } from '@nestjs/common';
import { BankKeyRing, EnvelopeEncryption } from '@infobank/crypto';
import { type RequestContext, requireBankActor, Transactions, withActor, withoutTransaction } from '@infobank/platform';
import { NotifyIndividual } from '@infobank/rights';
import { toCsv } from '../domain/csv';
import { disclosureExpiresAt, mayBuild } from '../domain/disclosure';
import {
  bundleAad,
  bundleFolder,
  manifestOf,
  sectionFile,
  sha256Hex,
  type BundleFile,
  type BundleRequest,
} from '../domain/disclosure-bundle';
import {
  bundleReadme,
  DISCLOSURE_MANIFEST_TYPE,
  MANIFEST_FILE,
  MANIFEST_JWS_FILE,
  README_FILE,
  SECTION_FILES,
} from '../domain/disclosure-files';
import { DISCLOSURE_SCHEMA_BASE } from '../domain/disclosure-schemas';
import { writeTar } from '../domain/tar-archive';
import { DisclosureRequestStore, type DisclosureRequestRow } from '../infrastructure/disclosure-request.store';
import { DisclosureSections } from './sections/disclosure-sections';

/** What one run of the build did. */
export type BuildOutcome = 'built' | 'already_done' | 'not_found';

/**
 * The worker builds a disclosure bundle: marks the request `building`, gathers each section as the
 * individual (through the owning libraries' use cases), writes the files, the README and the manifest
 * with each file's SHA-256, signs the manifest (JWS, EdDSA), archives it all as one tar, encrypts the
 * archive under the individual's data key and, in one transaction, stores it, marks the request `ready`
 * and notifies the individual. A repeated job after `ready` changes nothing.
 */
@Injectable()
export class BuildDisclosureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: DisclosureRequestStore,
    private readonly sections: DisclosureSections,
    private readonly keyRing: BankKeyRing,
    private readonly envelope: EnvelopeEncryption,
    private readonly notify: NotifyIndividual,
  ) {}

  async execute(ctx: RequestContext, disclosureId: string): Promise<BuildOutcome> {
    requireBankActor(ctx);
    const outside = withoutTransaction(ctx);
    const request = await this.transactions.runOwn(outside, async (tx) => {
      const row = await this.store.lock(tx, disclosureId);
      if (row === null || !mayBuild(row.status)) return row;
      if (row.status === 'requested') await this.store.markBuilding(tx, row.id, tx.now());
      return row;
    });
    if (request === null) return 'not_found';
    if (!mayBuild(request.status)) return 'already_done';

    const generatedAt = outside.now();
    const archive = await this.archive(withActor(outside, { type: 'individual', id: request.individualId }), request, generatedAt);
    const ciphertext = await this.envelope.encrypt(
      outside,
      request.individualId,
      archive.bytes,
      bundleAad(request.id, request.individualId),
    );

    // In the job's own transaction when there is one, so that ready and the job's completion commit together.
    return this.transactions.run(ctx, async (tx) => {
      const row = await this.store.lock(tx, disclosureId);
      if (row === null || row.status !== 'building') return 'already_done';
      const readyAt = tx.now();
      await this.store.markReady(tx, row.id, {
        bundle: ciphertext,
        bundleBytes: archive.bytes.length,
        bundleSha256: sha256Hex(archive.bytes),
        manifestJws: archive.manifestJws,
        readyAt,
        expiresAt: disclosureExpiresAt(readyAt),
      });
      await this.notify.notify(tx, {
        individualId: row.individualId,
        kind: 'disclosure_ready',
        subject: { type: 'disclosure', id: row.id },
        message: {
          title: { ja: '開示請求の準備ができました', en: 'Your disclosure is ready' },
          lines: {
            ja: ['「開示請求」の画面から7日以内にダウンロードしてください。期限を過ぎると削除されます。'],
            en: ['Download it from the Disclosure screen within 7 days; after that it is deleted.'],
          },
        },
      });
      return 'built';
    });
  }

  private async archive(asIndividual: RequestContext, request: DisclosureRequestRow, generatedAt: Date) {
    const files: BundleFile[] = [];
    for (const section of request.sections) {
      const collected = await this.sections.collectorOf(section).collect(asIndividual);
      const text =
        request.format === 'json'
          ? `${JSON.stringify(collected.document, null, 2)}\n`
          : toCsv(SECTION_FILES[section].csvColumns, collected.rows);
      files.push(sectionFile(section, request.format, text));
    }
    const bundleRequest: BundleRequest = {
      disclosureId: request.id,
      individualId: request.individualId,
      format: request.format,
      sections: request.sections,
      requestedAt: request.requestedAt,
    };
    const readme: BundleFile = {
      name: README_FILE,
      section: null,
      content: Buffer.from(bundleReadme({ ...bundleRequest, generatedAt: generatedAt.toISOString() }, DISCLOSURE_SCHEMA_BASE), 'utf8'),
    };
    const manifest = manifestOf(bundleRequest, [readme, ...files], generatedAt);
    const manifestJws = await this.keyRing.signJws(manifest, { typ: DISCLOSURE_MANIFEST_TYPE });
    const folder = bundleFolder(request.id);
    const entries = [
      readme,
      ...files,
      { name: MANIFEST_FILE, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
      { name: MANIFEST_JWS_FILE, content: Buffer.from(`${manifestJws}\n`, 'utf8') },
    ].map((file) => ({ name: `${folder}/${file.name}`, content: file.content }));
    return { bytes: writeTar(entries, generatedAt), manifestJws };
  }
}
