import type { EntityManager } from 'typeorm';

/** What an incident covers, as the impact queries need it. */
export interface ImpactScope {
  incidentId: string;
  organisationId: string | null;
  categories: string[];
  from: string;
  to: string;
}

/**
 * Computes an incident's affected individuals into `incident_affected`, in the caller's transaction. Read-only
 * over other libraries' ledgers (provision records, vault records; see docs/architecture.md §10); selects no
 * record content (provision records hold only digests, vault content stays encrypted and unread).
 */
export class IncidentImpactQueries {
  constructor(private readonly manager: EntityManager) {}

  /**
   * A recipient breach: every individual whose data the recipient received in `[from, to)`, with the items
   * (limited to the categories, when named), the records, the consents and the provisions.
   */
  async recordRecipientImpact(scope: ImpactScope): Promise<void> {
    await this.manager.query(
      `WITH scoped AS (
         SELECT p."id", p."individual_id", p."subject_id", p."consent_id", p."provided_at",
                cardinality(p."record_digests") AS "records",
                ARRAY(SELECT i FROM unnest(p."items") AS i
                       WHERE cardinality($5::text[]) = 0 OR split_part(i, '#', 1) = ANY($5::text[])) AS "items"
           FROM "provision_records" p
          WHERE p."recipient_id" = $2::uuid AND p."provided_at" >= $3::timestamptz AND p."provided_at" < $4::timestamptz
       ), exposed AS (
         SELECT * FROM scoped WHERE cardinality("items") > 0
       )
       INSERT INTO "incident_affected"
              ("id", "incident_id", "individual_id", "subject_ids", "items", "records", "consent_ids", "provision_ids")
       SELECT gen_random_uuid(), $1::uuid, e."individual_id",
              array_agg(DISTINCT e."subject_id" ORDER BY e."subject_id"),
              (SELECT array_agg(DISTINCT i ORDER BY i) FROM exposed e2, unnest(e2."items") AS i WHERE e2."individual_id" = e."individual_id"),
              sum(e."records")::int,
              array_agg(DISTINCT e."consent_id" ORDER BY e."consent_id"),
              array_agg(e."id" ORDER BY e."provided_at", e."id")
         FROM exposed e
        GROUP BY e."individual_id"`,
      [scope.incidentId, scope.organisationId, scope.from, scope.to, scope.categories],
    );
  }

  /**
   * A provider or bank breach: every individual with records in the vault (of that provider, for a provider
   * breach) of the named categories, that the vault had received before the window ended. Items are the
   * records' categories (the vault does not read content to tell items apart).
   */
  async recordVaultImpact(scope: ImpactScope): Promise<void> {
    await this.manager.query(
      `INSERT INTO "incident_affected"
              ("id", "incident_id", "individual_id", "subject_ids", "items", "records", "consent_ids", "provision_ids")
       SELECT gen_random_uuid(), $1::uuid, v."individual_id", '{}'::text[],
              array_agg(DISTINCT v."category" ORDER BY v."category"), count(*)::int, '{}'::uuid[], '{}'::uuid[]
         FROM "vault_records" v
        WHERE ($2::uuid IS NULL OR v."provider_id" = $2::uuid)
          AND v."first_received_at" < $3::timestamptz
          AND (cardinality($4::text[]) = 0 OR v."category" = ANY($4::text[]))
        GROUP BY v."individual_id"`,
      [scope.incidentId, scope.organisationId, scope.to, scope.categories],
    );
  }
}
