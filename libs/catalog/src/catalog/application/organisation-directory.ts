import { Injectable } from '@nestjs/common';
import type { PublicJwk } from '@infobank/crypto';
import { mapRead, type ReadPiece, type RequestContext, type SqlPiece } from '@infobank/platform';
import { isUuid } from '../domain/identifiers';
import type { OrganisationName, OrganisationRole, OrganisationStatus } from '../domain/organisation';
import type { OrganisationEntity } from '../infrastructure/organisation.entity';
import { OrganisationStore } from '../infrastructure/organisation.store';

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
  constructor(private readonly organisations: OrganisationStore) {}

  /** The organisation's credentials, or null when the id is not a UUID or names no organisation. */
  async findCredentials(ctx: RequestContext, organisationId: string): Promise<OrganisationCredentials | null> {
    if (!isUuid(organisationId)) return null;
    const organisation = await this.organisations.findById(ctx, organisationId);
    if (organisation === null) return null;
    const keys = await this.organisations.signingKeysOf(ctx, organisationId);
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
  async findWebhookUrl(ctx: RequestContext, organisationId: string): Promise<string | null> {
    if (!isUuid(organisationId)) return null;
    return this.organisations.webhookUrlOf(ctx, organisationId);
  }

  /** The public profiles of these organisations, by id; ids that are not UUIDs or name no organisation are left out. */
  async findProfiles(ctx: RequestContext, organisationIds: readonly string[]): Promise<Map<string, OrganisationProfile>> {
    const ids = [...new Set(organisationIds.filter(isUuid))];
    return profilesById(await this.organisations.findMany(ctx, ids));
  }

  /**
   * The read of `findProfiles` for another context to compose into its statement, the ids selected by its own piece
   * (a `uuid[]` expression, such as the recipient of an offer).
   */
  profilesPiece(organisationIds: SqlPiece): ReadPiece<Map<string, OrganisationProfile>> {
    return mapRead(this.organisations.findManyPiece(organisationIds), profilesById);
  }

  /**
   * For a write made after reading an organisation's profile: a statement piece selecting its id only if it is still
   * active when the write commits, its row locked FOR SHARE until then (a suspension waits; one committed first leaves
   * the piece empty, and the write can refuse).
   */
  stillActivePiece(organisationId: string): SqlPiece {
    return this.organisations.activeLockedPiece(organisationId);
  }

  /** The active providers an individual may link (for the portal's provider list), by Japanese name. */
  async activeProviders(ctx: RequestContext): Promise<OrganisationProfile[]> {
    const organisations = await this.organisations.activeProviders(ctx);
    return organisations.map(profileOf);
  }
}

function profilesById(organisations: readonly OrganisationEntity[]): Map<string, OrganisationProfile> {
  return new Map(organisations.map((organisation) => [organisation.id, profileOf(organisation)]));
}

function profileOf(organisation: OrganisationEntity): OrganisationProfile {
  return {
    id: organisation.id,
    name: organisationName(organisation),
    corporateNumber: organisation.corporateNumber,
    country: organisation.country,
    roles: [...organisation.roles],
    status: organisation.status,
  };
}

function organisationName(organisation: OrganisationEntity): OrganisationName {
  return organisation.nameEn === null ? { ja: organisation.nameJa } : { ja: organisation.nameJa, en: organisation.nameEn };
}
