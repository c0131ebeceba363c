/** Text in Japanese and English. */
export interface EvidenceText {
  ja: string;
  en: string;
}

/** What the running system shows for one requirement: counts, sample ids, configuration, verification, tests. */
export interface Evidence {
  /** Counts from the ledgers and tables (in the period, where the section says so). */
  counts: Record<string, number>;
  /** A few ids of rows a certifier may ask to see (never an individual's id). */
  sampleIds: string[];
  /** Configuration in force that the control depends on. */
  configuration: Record<string, string | number | boolean>;
  /** The latest full log verification, where the requirement rests on the log. */
  logVerification?: { id: string; status: string; toSize: number; completedAt: string | null } | null;
  /** The automated tests that cover the control, by file name (relative to the repository). */
  tests: string[];
}

/** One requirement of the certification guideline (情報信託機能の認定に係る指針) and the live control that meets it. */
export interface EvidenceSection {
  id: string;
  requirement: EvidenceText;
  control: EvidenceText;
  evidence: Evidence;
}

/** A requirement whose producer this installation does not have yet, and why. */
export interface OmittedRequirement {
  id: string;
  requirement: EvidenceText;
  note: EvidenceText;
}

/** The whole bundle as written to evidence.json. */
export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  bundleId: string;
  generatedAt: string;
  period: { period: string; from: string; to: string } | null;
  sections: EvidenceSection[];
  omitted: OmittedRequirement[];
}

/** The `format` of an evidence bundle. */
export const EVIDENCE_FORMAT = 'infobank-certification-evidence/1';

/** The JWS `typ` of a signed evidence manifest. */
export const EVIDENCE_MANIFEST_TYPE = 'evidence-manifest+jwt';

/**
 * Every requirement the bundle maps, in the guideline's order (ids of the sections). The four controllability
 * functions are choosing (conditions), the provision history, stopping (withdrawal), and disclosure.
 */
export const EVIDENCE_REQUIREMENT_IDS = [
  'controllability.conditions',
  'controllability.history',
  'controllability.stop',
  'disclosure',
  'board.composition',
  'board.decisions',
  'onward-transfer-ban',
  'provision-records',
  'security-controls',
  'complaints',
  'incident-handling',
] as const;

/**
 * True when a section shows something: at least one count, at least one covering test, and sample ids,
 * configuration or a log verification.
 */
export function sectionHasEvidence(section: EvidenceSection): boolean {
  const { counts, sampleIds, configuration, logVerification, tests } = section.evidence;
  return (
    Object.keys(counts).length > 0 &&
    tests.length > 0 &&
    (sampleIds.length > 0 || Object.keys(configuration).length > 0 || (logVerification !== undefined && logVerification !== null))
  );
}

/** One file of the bundle as its manifest lists it. */
export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** The manifest the bank signs: the bundle's id and time, and a SHA-256 of each file. */
export interface EvidenceManifest {
  format: typeof EVIDENCE_FORMAT;
  bundleId: string;
  generatedAt: string;
  period: string | null;
  files: ManifestFile[];
}
