import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { requireOneOf, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { parseReportPeriod } from '../../reports/domain/report-period';
import {
  EVIDENCE_FORMAT,
  EVIDENCE_MANIFEST_TYPE,
  EVIDENCE_REQUIREMENT_IDS,
  type EvidenceBundle,
  type EvidenceManifest,
} from '../domain/evidence';
import { evidenceHtml } from '../domain/evidence-html';
import { EVIDENCE_SECTION_PRODUCERS, type EvidenceSectionProducer } from './evidence-section-producer';

/** One file of an evidence bundle, ready to write. */
export interface EvidenceFile {
  name: string;
  content: string;
}

/** A bundle: its content, its files (evidence.json, evidence.html, manifest.json, manifest.jws) and the signed manifest. */
export interface ExportedEvidence {
  bundle: EvidenceBundle;
  manifest: EvidenceManifest;
  manifestJws: string;
  files: EvidenceFile[];
}

/**
 * Certification evidence (認定のための証跡): each requirement of the guideline mapped to the live control that
 * meets it, with evidence from the running system, in Japanese and English, as JSON and a printable page, with a
 * manifest of the files' SHA-256 signed by the bank (JWS, verifiable with the JWKS). Built from the list of section
 * producers; a requirement with no producer is listed as omitted.
 */
@Injectable()
export class ExportEvidenceUseCase {
  constructor(
    @Inject(EVIDENCE_SECTION_PRODUCERS) private readonly producers: readonly EvidenceSectionProducer[],
    private readonly keyRing: BankKeyRing,
  ) {}

  async execute(ctx: RequestContext, command: { period?: string }): Promise<ExportedEvidence> {
    requireOneOf(ctx, ['bank', 'board_member']);
    const period = command.period === undefined ? null : parseReportPeriod(command.period);
    if (period === null && command.period !== undefined)
      throw new ValidationFailedError([{ path: '/period', message: 'must be a month, YYYY-MM' }]);
    const window = period === null ? null : { from: period.from, to: period.to };
    const sections = [];
    for (const producer of this.orderedProducers()) sections.push(await producer.produce(ctx, window));
    const covered = new Set(sections.map((section) => section.id));
    const bundle: EvidenceBundle = {
      format: EVIDENCE_FORMAT,
      bundleId: randomUUID(),
      generatedAt: ctx.now().toISOString(),
      period: period === null ? null : { period: period.period, from: period.from.toISOString(), to: period.to.toISOString() },
      sections,
      omitted: EVIDENCE_REQUIREMENT_IDS.filter((id) => !covered.has(id)).map((id) => ({
        id,
        requirement: { ja: id, en: id },
        note: { ja: '証跡の作成元がありません。', en: 'No producer.' },
      })),
    };
    const contentFiles: EvidenceFile[] = [
      { name: 'evidence.json', content: `${JSON.stringify(bundle, null, 2)}\n` },
      { name: 'evidence.html', content: evidenceHtml(bundle) },
    ];
    const manifest: EvidenceManifest = {
      format: EVIDENCE_FORMAT,
      bundleId: bundle.bundleId,
      generatedAt: bundle.generatedAt,
      period: bundle.period?.period ?? null,
      files: contentFiles.map((file) => ({
        name: file.name,
        sha256: createHash('sha256').update(file.content, 'utf8').digest('hex'),
        bytes: Buffer.byteLength(file.content, 'utf8'),
      })),
    };
    const manifestJws = await this.keyRing.signJws(manifest, { typ: EVIDENCE_MANIFEST_TYPE });
    return {
      bundle,
      manifest,
      manifestJws,
      files: [
        ...contentFiles,
        { name: 'manifest.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
        { name: 'manifest.jws', content: `${manifestJws}\n` },
      ],
    };
  }

  /** The producers in the guideline's order (unknown ids last). */
  private orderedProducers(): EvidenceSectionProducer[] {
    const rank = (id: string) => {
      const index = (EVIDENCE_REQUIREMENT_IDS as readonly string[]).indexOf(id);
      return index === -1 ? EVIDENCE_REQUIREMENT_IDS.length : index;
    };
    return [...this.producers].sort((a, b) => rank(a.id) - rank(b.id));
  }
}
