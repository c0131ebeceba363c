import { Injectable } from '@nestjs/common';
import { findDataCategory, OrganisationDirectory } from '@infobank/catalog';
import { Transactions, ValidationFailedError, type RequestContext, requireIndividual } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { LINK_CODE_LIFETIME_MS, linkCodeDigest, newLinkCode } from '../domain/link-code';
import { linkCategoriesProblems } from '../domain/provider-link';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';
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
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
    private readonly organisations: OrganisationDirectory,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: CreateLinkCommand): Promise<CreatedLink> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    const problems = linkCategoriesProblems(command.categories, (code) => findDataCategory(code) !== undefined);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const provider = await this.organisations.findCredentials(ctx, command.providerId);
    // Unknown, suspended and recipient-only organisations look the same to the individual.
    if (provider === null || provider.status !== 'active' || !provider.roles.includes('provider')) throw new ProviderNotFoundError();

    const expiresAt = new Date(this.clock.now(ctx).getTime() + LINK_CODE_LIFETIME_MS);
    return this.transactions.run(ctx, async (tx) => {
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
        const linkCode = newLinkCode();
        const linkId = randomUUID();
        const inserted = await this.links.insertPending(tx, {
          id: linkId,
          individualId,
          providerId: provider.id,
          categories: [...command.categories],
          codeHash: linkCodeDigest(linkCode),
          codeExpiresAt: expiresAt,
        });
        if (inserted) return { linkId, linkCode, expiresAt };
      }
      throw new Error(`No unused link code after ${CODE_ATTEMPTS} attempts.`);
    });
  }
}
