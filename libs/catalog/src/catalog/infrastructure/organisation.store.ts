import { Injectable } from '@nestjs/common';
import type { PublicJwk } from '@infobank/crypto';
import {
  binaryArray,
  entityJsonReader,
  readPiece,
  readValue,
  sql,
  type ReadPiece,
  type RequestContext,
  type SqlPiece,
  type TransactionalContext,
} from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationNotFoundError } from '../../catalog.errors';
import type { OrganisationStatus } from '../domain/organisation';
import { OrganisationSigningKeyEntity } from './organisation-signing-key.entity';
import { OrganisationEntity } from './organisation.entity';

/** A new organisation's row, without what the database fills in. */
export type NewOrganisation = Omit<OrganisationEntity, 'createdAt' | 'updatedAt'>;

/** The `organisations` rows and their `organisation_signing_keys`. */
@Injectable()
export class OrganisationStore {
  /** An organisation row a read piece selected as JSON. */
  private readonly organisationOfJson: (json: unknown) => OrganisationEntity;

  constructor(private readonly dataSource: DataSource) {
    this.organisationOfJson = entityJsonReader(dataSource, OrganisationEntity);
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** One organisation, or null. */
  findById(ctx: RequestContext, organisationId: string): Promise<OrganisationEntity | null> {
    return this.manager(ctx).findOne(OrganisationEntity, { where: { id: organisationId } });
  }

  /** Every organisation, by Japanese name (the operator's list). */
  list(ctx: RequestContext): Promise<OrganisationEntity[]> {
    return this.manager(ctx).find(OrganisationEntity, { order: { nameJa: 'ASC', id: 'ASC' } });
  }

  /** Every active provider, by Japanese name. */
  activeProviders(ctx: RequestContext): Promise<OrganisationEntity[]> {
    return this.manager(ctx)
      .createQueryBuilder(OrganisationEntity, 'organisation')
      .where(`organisation.status = 'active' AND 'provider' = ANY(organisation.roles)`)
      .orderBy('organisation.nameJa', 'ASC')
      .addOrderBy('organisation.id', 'ASC')
      .getMany();
  }

  /** The organisation registered under a corporate number (known to exist). */
  getByCorporateNumber(tx: TransactionalContext, corporateNumber: string): Promise<OrganisationEntity> {
    return tx.transaction.findOneOrFail(OrganisationEntity, { where: { corporateNumber } });
  }

  /** Where the organisation takes notices by webhook, or null. */
  async webhookUrlOf(ctx: RequestContext, organisationId: string): Promise<string | null> {
    const organisation = await this.manager(ctx).findOne(OrganisationEntity, {
      select: { id: true, webhookUrl: true },
      where: { id: organisationId },
    });
    return organisation?.webhookUrl ?? null;
  }

  /** These organisations (ids must be UUIDs). */
  findMany(ctx: RequestContext, organisationIds: readonly string[]): Promise<OrganisationEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return readValue(
      { transaction: ctx.transaction, dataSource: this.dataSource },
      this.findManyPiece(sql`${binaryArray.uuid(organisationIds)}::uuid[]`),
    );
  }

  /** The read of `findMany`, the ids given by a `uuid[]` expression (another context's piece may select them). */
  findManyPiece(organisationIds: SqlPiece): ReadPiece<OrganisationEntity[]> {
    return readPiece(
      sql`SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]'::jsonb) FROM "organisations" o WHERE o."id" = ANY(${organisationIds})`,
      (json) => (json as unknown[]).map(this.organisationOfJson),
    );
  }

  /**
   * The statement piece that selects the organisation's id while it is active, locking its row FOR SHARE: a suspension
   * (which locks the row to change it) waits until the statement's transaction ends, and one that committed first
   * leaves the piece empty.
   */
  activeLockedPiece(organisationId: string): SqlPiece {
    return sql`SELECT "id" FROM "organisations" WHERE "id" = ${organisationId}::uuid AND "status" = 'active' FOR SHARE`;
  }

  /** Loads the organisation and locks its row until the transaction ends, so key changes are serialised. */
  async lock(tx: TransactionalContext, organisationId: string): Promise<OrganisationEntity> {
    const organisation = await tx.transaction.findOne(OrganisationEntity, {
      where: { id: organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (organisation === null) throw new OrganisationNotFoundError(organisationId);
    return organisation;
  }

  /** Inserts an organisation unless its corporate number is registered already (the unique constraint decides); true when inserted. */
  async insertUnlessRegistered(tx: TransactionalContext, organisation: NewOrganisation): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(OrganisationEntity)
      .values(organisation)
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** Sets the organisation's status. */
  async setStatus(tx: TransactionalContext, organisationId: string, status: OrganisationStatus): Promise<void> {
    await tx.transaction.update(OrganisationEntity, { id: organisationId }, { status });
  }

  /** Replaces the key packages are encrypted to. */
  async setEncryptionKey(tx: TransactionalContext, organisationId: string, jwk: PublicJwk): Promise<void> {
    await tx.transaction.update(OrganisationEntity, { id: organisationId }, { encryptionJwk: jwk });
  }

  /** Sets (or with null clears) the URL notices are posted to. */
  async setWebhookUrl(tx: TransactionalContext, organisationId: string, webhookUrl: string | null): Promise<void> {
    await tx.transaction.update(OrganisationEntity, { id: organisationId }, { webhookUrl });
  }

  /** The organisation's signing keys, oldest first. */
  signingKeysOf(ctx: RequestContext, organisationId: string): Promise<OrganisationSigningKeyEntity[]> {
    return this.manager(ctx).find(OrganisationSigningKeyEntity, { where: { organisationId }, order: { addedAt: 'ASC', kid: 'ASC' } });
  }

  /** Registers signing keys. */
  async addSigningKeys(tx: TransactionalContext, organisationId: string, keys: readonly PublicJwk[]): Promise<void> {
    if (keys.length === 0) return;
    await tx.transaction.insert(
      OrganisationSigningKeyEntity,
      keys.map((jwk) => ({ organisationId, kid: jwk.kid as string, jwk })),
    );
  }

  /** Withdraws one signing key. */
  async removeSigningKey(tx: TransactionalContext, organisationId: string, kid: string): Promise<void> {
    await tx.transaction.delete(OrganisationSigningKeyEntity, { organisationId, kid });
  }
}
