import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWK, PublicJwk } from '@infobank/crypto';
import { Transactions, ValidationFailedError, type FieldProblem, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { OrganisationExistsError } from '../../catalog.errors';
import { normaliseRoles, organisationDetailsProblems, type OrganisationName, type OrganisationRole } from '../domain/organisation';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { CATALOG_SETTINGS, DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from './catalog-settings';
import { canonicalJwk, checkEncryptionKey, checkSigningKeys } from './organisation-keys';

/** What the operator registers about a new organisation. Private keys never reach the bank. */
export interface CreateOrganisationCommand {
  corporateNumber: string;
  name: OrganisationName;
  country: string;
  roles: OrganisationRole[];
  /** Public signing JWKs (EdDSA, ES256 or PS256), each with a kid. */
  signingKeys: JWK[];
  /** Public X25519 or P-256 JWK that packages are encrypted to. */
  encryptionKey?: JWK;
  webhookUrl?: string;
  termsVersion: string;
}

/** An organisation as registered: the comparable form used to decide whether a repeat create is the same. */
interface RegisteredOrganisation {
  corporateNumber: string;
  nameJa: string;
  nameEn: string | null;
  country: string;
  roles: OrganisationRole[];
  signingKeys: PublicJwk[];
  encryptionJwk: PublicJwk | null;
  webhookUrl: string | null;
  termsVersion: string;
}

/**
 * Registers an organisation (status `active`). Idempotent on the corporate number: the same details
 * again return the existing id; different details are refused with ORGANISATION_EXISTS.
 */
@Injectable()
export class CreateOrganisationUseCase {
  private readonly settings: CatalogSettings;

  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
    @Optional() @Inject(CATALOG_SETTINGS) settings?: CatalogSettings,
  ) {
    this.settings = settings ?? DEFAULT_CATALOG_SETTINGS;
  }

  /** Validates everything first; writes the organisation and its keys in one transaction. */
  async execute(ctx: RequestContext, command: CreateOrganisationCommand): Promise<{ id: string }> {
    const wanted = await this.validate(command);
    return this.transactions.run(ctx, async (tx) => {
      const id = randomUUID();
      // The unique constraint elects one organisation per corporate number, even for concurrent creates.
      const inserted = await this.organisations.insertUnlessRegistered(tx, {
        id,
        corporateNumber: wanted.corporateNumber,
        nameJa: wanted.nameJa,
        nameEn: wanted.nameEn,
        country: wanted.country,
        roles: wanted.roles,
        encryptionJwk: wanted.encryptionJwk,
        webhookUrl: wanted.webhookUrl,
        termsVersion: wanted.termsVersion,
        status: 'active',
      });
      if (inserted) {
        await this.organisations.addSigningKeys(tx, id, wanted.signingKeys);
        return { id };
      }
      const existing = await this.registered(tx, wanted.corporateNumber);
      if (sameRegistration(existing.registration, wanted)) return { id: existing.id };
      throw new OrganisationExistsError(wanted.corporateNumber, existing.id);
    });
  }

  private async validate(command: CreateOrganisationCommand): Promise<RegisteredOrganisation> {
    if (typeof command !== 'object' || command === null) throw new ValidationFailedError([{ path: '', message: 'must be an object' }]);
    const problems: FieldProblem[] = organisationDetailsProblems(command, this.settings);
    const signing = await checkSigningKeys(command.signingKeys, '/signingKeys');
    problems.push(...signing.problems);
    const encryption = command.encryptionKey === undefined ? undefined : await checkEncryptionKey(command.encryptionKey, '/encryptionKey');
    problems.push(...(encryption?.problems ?? []));
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return {
      corporateNumber: command.corporateNumber,
      nameJa: command.name.ja,
      nameEn: command.name.en ?? null,
      country: command.country,
      roles: normaliseRoles(command.roles),
      signingKeys: signing.keys,
      encryptionJwk: encryption?.key ?? null,
      webhookUrl: command.webhookUrl ?? null,
      termsVersion: command.termsVersion,
    };
  }

  private async registered(
    tx: TransactionalContext,
    corporateNumber: string,
  ): Promise<{ id: string; registration: RegisteredOrganisation }> {
    const row = await this.organisations.getByCorporateNumber(tx, corporateNumber);
    const keys = await this.organisations.signingKeysOf(tx, row.id);
    return {
      id: row.id,
      registration: { ...row, roles: normaliseRoles(row.roles), signingKeys: keys.map((key) => key.jwk) },
    };
  }
}

function sameRegistration(existing: RegisteredOrganisation, wanted: RegisteredOrganisation): boolean {
  const keySet = (keys: PublicJwk[]) => keys.map(canonicalJwk).sort().join('\n');
  return (
    existing.nameJa === wanted.nameJa &&
    existing.nameEn === wanted.nameEn &&
    existing.country === wanted.country &&
    existing.roles.join(',') === wanted.roles.join(',') &&
    existing.webhookUrl === wanted.webhookUrl &&
    existing.termsVersion === wanted.termsVersion &&
    canonicalJwk(existing.encryptionJwk) === canonicalJwk(wanted.encryptionJwk) &&
    keySet(existing.signingKeys) === keySet(wanted.signingKeys)
  );
}
