import { Injectable } from '@nestjs/common';
import type { PublicJwk } from '@infobank/crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUuid } from '../domain/identifiers';
import type { OrganisationName, OrganisationRole, OrganisationStatus } from '../domain/organisation';
import { OrganisationSigningKeyEntity } from '../infrastructure/organisation-signing-key.entity';
import { OrganisationEntity } from '../infrastructure/organisation.entity';

/** What client authentication needs to know about an organisation: its status, roles and public keys. */
export interface OrganisationCredentials {
  id: string;
  status: OrganisationStatus;
  roles: OrganisationRole[];
  /** Registered public signing keys (each with kid and alg); select by kid among these only. */
  signingKeys: PublicJwk[];
  /** Public key packages are encrypted to, if the organisation registered one. */
  encryptionKey: PublicJwk | null;
  name: OrganisationName;
}

/** What anyone dealing with an organisation may know of it: who it is, where it is and whether it is active. */
export interface OrganisationProfile {
  id: string;
  name: OrganisationName;
  /** 法人番号 (13 digits). */
  corporateNumber: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  roles: OrganisationRole[];
  status: OrganisationStatus;
}

/** Looks organisations up for authentication and packaging; reads only, never changes anything. */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisation's credentials, or null when the id is not a UUID or names no organisation. */
  async findCredentials(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationCredentials | null> {
    if (!isUuid(organisationId)) return null;
    const organisation = await manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    if (organisation === null) return null;
    const keys = await manager.find(OrganisationSigningKeyEntity, {
      where: { organisationId },
      order: { addedAt: 'ASC', kid: 'ASC' },
    });
    return {
      id: organisation.id,
      status: organisation.status,
      roles: [...organisation.roles],
      signingKeys: keys.map((key) => key.jwk),
      encryptionKey: organisation.encryptionJwk,
      name: organisationName(organisation),
    };
  }

  /** Where the organisation takes notices by webhook, or null when it registered none (it then pulls them). */
  async findWebhookUrl(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    if (!isUuid(organisationId)) return null;
    const organisation = await manager.findOne(OrganisationEntity, {
      select: { id: true, webhookUrl: true },
      where: { id: organisationId },
    });
    return organisation?.webhookUrl ?? null;
  }

  /** The public profiles of these organisations, by id; ids that are not UUIDs or name no organisation are left out. */
  async findProfiles(
    organisationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, OrganisationProfile>> {
    const ids = [...new Set(organisationIds.filter(isUuid))];
    const organisations = ids.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(ids) } });
    return new Map(
      organisations.map((organisation) => [
        organisation.id,
        {
          id: organisation.id,
          name: organisationName(organisation),
          corporateNumber: organisation.corporateNumber,
          country: organisation.country,
          roles: [...organisation.roles],
          status: organisation.status,
        },
      ]),
    );
  }

  /** The active providers an individual may link (for the portal's provider list), by Japanese name. */
  async activeProviders(manager: EntityManager = this.dataSource.manager): Promise<OrganisationProfile[]> {
    const organisations = await manager
      .createQueryBuilder(OrganisationEntity, 'organisation')
      .where(`organisation.status = 'active' AND 'provider' = ANY(organisation.roles)`)
      .orderBy('organisation.nameJa', 'ASC')
      .addOrderBy('organisation.id', 'ASC')
      .getMany();
    return organisations.map((organisation) => ({
      id: organisation.id,
      name: organisationName(organisation),
      corporateNumber: organisation.corporateNumber,
      country: organisation.country,
      roles: [...organisation.roles],
      status: organisation.status,
    }));
  }
}

function organisationName(organisation: OrganisationEntity): OrganisationName {
  return organisation.nameEn === null ? { ja: organisation.nameJa } : { ja: organisation.nameJa, en: organisation.nameEn };
}
