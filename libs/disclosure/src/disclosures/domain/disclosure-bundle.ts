import { createHash } from 'node:crypto';
import type { DisclosureFormat, DisclosureSection } from './disclosure';
import { mediaTypeOf, sectionFileName, type DisclosureManifest, type ManifestFile } from './disclosure-files';
import { DISCLOSURE_SCHEMA_BASE, schemaFileName, sectionSchemaId } from './disclosure-schemas';

/** One file of a bundle before it is archived: its name, the section it holds (null for the README) and its bytes. */
export interface BundleFile {
  name: string;
  section: DisclosureSection | null;
  content: Buffer;
}

/** The request a bundle answers. */
export interface BundleRequest {
  disclosureId: string;
  individualId: string;
  format: DisclosureFormat;
  sections: DisclosureSection[];
  requestedAt: Date;
}

/** A section's file as written in the format: pretty JSON, or the CSV text. */
export function sectionFile(section: DisclosureSection, format: DisclosureFormat, text: string): BundleFile {
  return { name: sectionFileName(section, format), section, content: Buffer.from(text, 'utf8') };
}

/** SHA-256 of bytes, lowercase hex. */
export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The manifest of a bundle: every file with its size, digest and schema. */
export function manifestOf(request: BundleRequest, files: readonly BundleFile[], generatedAt: Date): DisclosureManifest {
  return {
    $schema: `${DISCLOSURE_SCHEMA_BASE}${schemaFileName('manifest')}`,
    disclosureId: request.disclosureId,
    individualId: request.individualId,
    format: request.format,
    sections: request.sections,
    requestedAt: request.requestedAt.toISOString(),
    generatedAt: generatedAt.toISOString(),
    files: files.map((file): ManifestFile => ({
      name: file.name,
      section: file.section,
      mediaType: mediaTypeOf(file.name),
      bytes: file.content.length,
      sha256: sha256Hex(file.content),
      schema: file.section === null ? null : sectionSchemaId(file.section, request.format),
    })),
  };
}

/** The folder a bundle's files sit in inside the archive, and the archive's download name. */
export function bundleFolder(disclosureId: string): string {
  return `infobank-disclosure-${disclosureId.slice(0, 8)}`;
}

/** The file name the download is offered under. */
export function bundleFileName(disclosureId: string): string {
  return `${bundleFolder(disclosureId)}.tar`;
}

/** The additional authenticated data a bundle is encrypted under: a ciphertext moved to another request fails to open. */
export function bundleAad(disclosureId: string, individualId: string): Buffer {
  return Buffer.from(`infobank/disclosure-bundle/v1|${disclosureId}|${individualId}`, 'utf8');
}
