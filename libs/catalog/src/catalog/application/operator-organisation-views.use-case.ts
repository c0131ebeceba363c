import { Injectable } from '@nestjs/common';
import type { PublicJwk } from '@infobank/crypto';
import { requireBankActor, type RequestContext } from '@infobank/platform';
import { OrganisationNotFoundError } from '../../catalog.errors';
import type { OrganisationName, OrganisationRole, OrganisationStatus } from '../domain/organisation';
import type { OrganisationEntity } from '../infrastructure/organisation.entity';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { requireOrganisationId } from './organisation-commands';

/** An organisation as the operator's list shows it: who it is and how it is set up, no keys. */
export interface OrganisationSummary {
  id: string;
  /** 法人番号 (13 digits). */
  corporateNumber: string;
  name: OrganisationName;
  country: string;
  roles: OrganisationRole[];
  status: OrganisationStatus;
  /** The version of the bank's contract it registered under. */
  termsVersion: string;
  /** Whether packages can be encrypted to it (it registered an encryption key). */
  hasEncryptionKey: boolean;
  /** Whether it takes notices by webhook (otherwise it pulls them). */
  hasWebhook: boolean;
  createdAt: string;
}

/** A public key as the operator sees it: enough to tell keys apart, never the key itself. */
export interface KeyFingerprint {
  kid: string | null;
  kty: string;
  alg: string | null;
  crv: string | null;
}

/** One organisation in full for the operator (`org:show`): its keys by kid and algorithm, its webhook. */
export interface OrganisationDetails extends OrganisationSummary {
  signingKeys: (KeyFingerprint & { addedAt: string })[];
  encryptionKey: KeyFingerprint | null;
  webhookUrl: string | null;
  updatedAt: string;
}

/** Every organisation registered, by Japanese name (`org:list`). Operator only. */
@Injectable()
export class ListOrganisationsUseCase {
  constructor(private readonly organisations: OrganisationStore) {}

  async execute(ctx: RequestContext): Promise<OrganisationSummary[]> {
    requireBankActor(ctx);
    return (await this.organisations.list(ctx)).map(summaryOf);
  }
}

/** One organisation with its keys and webhook (`org:show`); an unknown id is ORGANISATION_NOT_FOUND. Operator only. */
@Injectable()
export class GetOrganisationUseCase {
  constructor(private readonly organisations: OrganisationStore) {}

  async execute(ctx: RequestContext, command: { organisationId: string }): Promise<OrganisationDetails> {
    requireBankActor(ctx);
    const organisationId = requireOrganisationId(command?.organisationId);
    const organisation = await this.organisations.findById(ctx, organisationId);
    if (organisation === null) throw new OrganisationNotFoundError(organisationId);
    const keys = await this.organisations.signingKeysOf(ctx, organisationId);
    return {
      ...summaryOf(organisation),
      signingKeys: keys.map((key) => ({ ...fingerprintOf(key.jwk), addedAt: key.addedAt.toISOString() })),
      encryptionKey: organisation.encryptionJwk === null ? null : fingerprintOf(organisation.encryptionJwk),
      webhookUrl: organisation.webhookUrl,
      updatedAt: organisation.updatedAt.toISOString(),
    };
  }
}

function summaryOf(organisation: OrganisationEntity): OrganisationSummary {
  return {
    id: organisation.id,
    corporateNumber: organisation.corporateNumber,
    name: organisation.nameEn === null ? { ja: organisation.nameJa } : { ja: organisation.nameJa, en: organisation.nameEn },
    country: organisation.country,
    roles: [...organisation.roles],
    status: organisation.status,
    termsVersion: organisation.termsVersion,
    hasEncryptionKey: organisation.encryptionJwk !== null,
    hasWebhook: organisation.webhookUrl !== null,
    createdAt: organisation.createdAt.toISOString(),
  };
}

function fingerprintOf(jwk: PublicJwk): KeyFingerprint {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { kid: text(jwk.kid), kty: String(jwk.kty), alg: text(jwk.alg), crv: text(jwk.crv) };
}
