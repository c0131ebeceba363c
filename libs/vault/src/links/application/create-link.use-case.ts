import { Injectable } from '@nestjs/common';
import { findDataCategory, OrganisationDirectory } from '@infobank/catalog';
import { inTransaction, type RequestContext, requireIndividual, ValidationFailedError } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LINK_CODE_LIFETIME_MS, linkCodeDigest, newLinkCode } from '../domain/link-code';
import { linkCategoriesProblems } from '../domain/provider-link';
import { ProviderLinkEntity } from '../infrastructure/provider-link.entity';
import { ProviderNotFoundError } from '../links.errors';
import { ONLY_SIGNED_IN_INDIVIDUALS } from './link-actors';
import { LinkClock } from './link-clock';

/** What an individual asks for: which provider may deposit which data categories about them. */
export interface CreateLinkCommand {
  providerId: string;
  categories: string[];
}

/** A new pending link and its one-time code, which the individual hands to the provider. */
export interface CreatedLink {
  linkId: string;
  /** Shown this once: the bank keeps only its SHA-256. */
  linkCode: string;
  expiresAt: Date;
}

// A fresh code colliding with a stored one is rare (30^10 codes); trying a few times makes it vanish.
const CODE_ATTEMPTS = 5;

/**
 * Starts a provider link (預託の同意): the individual names an active provider and the catalog
 * categories it may deposit, and gets a single-use link code valid for 15 minutes. The link stays
 * `pending` (nothing may be deposited) until that provider redeems the code at intake.
 */
@Injectable()
export class CreateLinkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationDirectory,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: CreateLinkCommand): Promise<CreatedLink> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    const problems = linkCategoriesProblems(command.categories, (code) => findDataCategory(code) !== undefined);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const provider = await this.organisations.findCredentials(command.providerId);
    // Unknown, suspended and recipient-only organisations look the same to the individual.
    if (provider === null || provider.status !== 'active' || !provider.roles.includes('provider')) throw new ProviderNotFoundError();

    const expiresAt = new Date(this.clock.now().getTime() + LINK_CODE_LIFETIME_MS);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
        const linkCode = newLinkCode();
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ProviderLinkEntity)
          .values({
            id: randomUUID(),
            individualId,
            providerId: provider.id,
            categories: [...command.categories],
            status: 'pending',
            codeHash: linkCodeDigest(linkCode),
            codeExpiresAt: expiresAt,
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        const [row] = inserted.raw as { id: string }[];
        if (row !== undefined) return { linkId: row.id, linkCode, expiresAt };
      }
      throw new Error(`No unused link code after ${CODE_ATTEMPTS} attempts.`);
    });
  }
}
