import { Injectable } from '@nestjs/common';
import type { PublicJwk } from '@infobank/crypto';
import { DataSource, type EntityManager } from 'typeorm';
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
      name: organisation.nameEn === null ? { ja: organisation.nameJa } : { ja: organisation.nameJa, en: organisation.nameEn },
    };
  }
}
