import { Injectable } from '@nestjs/common';
import { binaryArray, readPiece, readValue, sql, type ReadPiece, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { AcceptanceMethod, PublishedTerms, TermsAcceptance, TermsAudience } from '../domain/terms';

/** A published version as stored, with its row id. */
export interface StoredTerms extends PublishedTerms {
  id: string;
  publishedBy: string;
}

/** A version without its texts, for listings. */
export type TermsVersionSummary = Omit<StoredTerms, 'ja' | 'en'> & { characters: { ja: number; en: number } };

/** The current version of an audience and whether one party accepted it. */
export interface CurrentForParty {
  version: string;
  accepted: boolean;
}

/** The current version of an audience and which of some parties accepted it. */
export interface CurrentAcceptedAmong {
  version: string;
  acceptedBy: Set<string>;
}

/** A new acceptance row. */
export interface NewAcceptance {
  id: string;
  termsVersionId: string;
  partyId: string;
  acceptedAt: Date;
  method: AcceptanceMethod;
  recordedBy: string | null;
}

const CURRENT_ORDER = `ORDER BY "published_at" DESC, "id" DESC`;

/** terms_versions and terms_acceptances: both append-only; the newest version of an audience is its current one. */
@Injectable()
export class TermsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a version unless the audience already has one of that label; true when inserted. */
  async insertVersion(tx: TransactionalContext, terms: StoredTerms): Promise<boolean> {
    const inserted: unknown[] = await tx.transaction.query(
      `INSERT INTO "terms_versions" ("id", "audience", "version", "text_ja", "text_en", "published_at", "published_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT "uq_terms_versions_audience_version" DO NOTHING RETURNING "id"`,
      [terms.id, terms.audience, terms.version, terms.ja, terms.en, terms.publishedAt, terms.publishedBy],
    );
    return inserted.length === 1;
  }

  /** The audience's newest version with its texts, or null when none was ever published. */
  async current(ctx: RequestContext, audience: TermsAudience): Promise<StoredTerms | null> {
    const rows: TermsRow[] = await this.manager(ctx).query(
      `SELECT ${TERMS_COLUMNS}, "text_ja", "text_en" FROM "terms_versions" WHERE "audience" = $1 ${CURRENT_ORDER} LIMIT 1`,
      [audience],
    );
    return rows.length === 0 ? null : termsOf(rows[0]);
  }

  /** One version of an audience by its label, or null. */
  async find(ctx: RequestContext, audience: TermsAudience, version: string): Promise<StoredTerms | null> {
    const rows: TermsRow[] = await this.manager(ctx).query(
      `SELECT ${TERMS_COLUMNS}, "text_ja", "text_en" FROM "terms_versions" WHERE "audience" = $1 AND "version" = $2`,
      [audience, version],
    );
    return rows.length === 0 ? null : termsOf(rows[0]);
  }

  /** The audience's current version and which of these parties accepted it (null when none was published); one read for a page of parties. */
  currentAcceptedAmong(ctx: RequestContext, audience: TermsAudience, partyIds: readonly string[]): Promise<CurrentAcceptedAmong | null> {
    return readValue({ transaction: ctx.transaction, dataSource: this.dataSource }, this.currentAcceptedAmongPiece(audience, partyIds));
  }

  /** The read of `currentAcceptedAmong`, for another context to compose with its own. */
  currentAcceptedAmongPiece(audience: TermsAudience, partyIds: readonly string[]): ReadPiece<CurrentAcceptedAmong | null> {
    return readPiece(
      sql`SELECT jsonb_build_object('version', c."version", 'acceptedBy', ARRAY(
                SELECT a."party_id" FROM "terms_acceptances" a
                 WHERE a."terms_version_id" = c."id" AND a."party_id" = ANY(${binaryArray.uuid(partyIds)}::uuid[])))
            FROM (SELECT "id", "version" FROM "terms_versions" WHERE "audience" = ${audience}::text ORDER BY "published_at" DESC, "id" DESC LIMIT 1) c`,
      (json) => {
        if (json === null) return null;
        const current = json as { version: string; acceptedBy: string[] };
        return { version: current.version, acceptedBy: new Set(current.acceptedBy) };
      },
    );
  }

  /** The audience's current version and whether the party accepted it (null when none was published); one indexed read. */
  async currentForParty(ctx: RequestContext, audience: TermsAudience, partyId: string): Promise<CurrentForParty | null> {
    const rows: CurrentForParty[] = await this.manager(ctx).query(
      `SELECT v."version",
              EXISTS (SELECT 1 FROM "terms_acceptances" a WHERE a."terms_version_id" = v."id" AND a."party_id" = $2) AS "accepted"
         FROM "terms_versions" v WHERE v."audience" = $1 ORDER BY v."published_at" DESC, v."id" DESC LIMIT 1`,
      [audience, partyId],
    );
    return rows[0] ?? null;
  }

  /** Every version, newest first, without texts (their lengths instead); one audience or all. */
  async list(ctx: RequestContext, audience?: TermsAudience): Promise<TermsVersionSummary[]> {
    const rows: (TermsRow & { ja_length: number; en_length: number })[] = await this.manager(ctx).query(
      `SELECT ${TERMS_COLUMNS}, char_length("text_ja") AS "ja_length", char_length("text_en") AS "en_length"
         FROM "terms_versions" WHERE $1::text IS NULL OR "audience" = $1 ORDER BY "audience", "published_at" DESC, "id" DESC`,
      [audience ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      audience: row.audience,
      version: row.version,
      publishedAt: new Date(row.published_at),
      publishedBy: row.published_by,
      characters: { ja: Number(row.ja_length), en: Number(row.en_length) },
    }));
  }

  /** Records an acceptance once: a repeat of the same party and version changes nothing; true when inserted. */
  async insertAcceptance(tx: TransactionalContext, acceptance: NewAcceptance): Promise<boolean> {
    const inserted: unknown[] = await tx.transaction.query(
      `INSERT INTO "terms_acceptances" ("id", "terms_version_id", "party_id", "accepted_at", "method", "recorded_by")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT "uq_terms_acceptances_party_version" DO NOTHING RETURNING "id"`,
      [acceptance.id, acceptance.termsVersionId, acceptance.partyId, acceptance.acceptedAt, acceptance.method, acceptance.recordedBy],
    );
    return inserted.length === 1;
  }

  /** One party's acceptances (of the given audiences), newest first. */
  async acceptancesOf(ctx: RequestContext, partyId: string, audiences: readonly TermsAudience[]): Promise<TermsAcceptance[]> {
    const rows: { audience: TermsAudience; version: string; accepted_at: Date; method: AcceptanceMethod }[] = await this.manager(ctx).query(
      `SELECT v."audience", v."version", a."accepted_at", a."method"
         FROM "terms_acceptances" a JOIN "terms_versions" v ON v."id" = a."terms_version_id"
        WHERE a."party_id" = $1 AND v."audience" = ANY($2::text[])
        ORDER BY a."accepted_at" DESC, a."id" DESC`,
      [partyId, audiences],
    );
    return rows.map((row) => ({ audience: row.audience, version: row.version, acceptedAt: new Date(row.accepted_at), method: row.method }));
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}

const TERMS_COLUMNS = `"id", "audience", "version", "published_at", "published_by"`;

interface TermsRow {
  id: string;
  audience: TermsAudience;
  version: string;
  published_at: Date;
  published_by: string;
  text_ja: string;
  text_en: string;
}

function termsOf(row: TermsRow): StoredTerms {
  return {
    id: row.id,
    audience: row.audience,
    version: row.version,
    ja: row.text_ja,
    en: row.text_en,
    publishedAt: new Date(row.published_at),
    publishedBy: row.published_by,
  };
}
