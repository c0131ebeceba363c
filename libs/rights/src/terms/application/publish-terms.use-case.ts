import { Injectable } from '@nestjs/common';
import { requireBankActor, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { termsTextProblems, type TermsAudience, type TermsText } from '../domain/terms';
import { TermsStore, type TermsVersionSummary } from '../infrastructure/terms.store';
import { TermsVersionExistsError } from '../terms.errors';

/** A published version as the operator sees it, and whether this call published it. */
export interface PublishedTermsVersion {
  audience: TermsAudience;
  version: string;
  publishedAt: string;
  published: boolean;
}

/**
 * Publishes a new version of the terms for one audience (operator only). It becomes current at once:
 * individuals then accept it before any new consent or approval, recipients before submitting an
 * offer. Published versions never change: the same label and texts again change nothing
 * (`published: false`); the same label with other texts is TERMS_VERSION_EXISTS.
 */
@Injectable()
export class PublishTermsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly terms: TermsStore,
  ) {}

  async execute(ctx: RequestContext, text: TermsText): Promise<PublishedTermsVersion> {
    requireBankActor(ctx);
    const problems = termsTextProblems(text ?? {});
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const publishedBy = ctx.actor.type === 'operator' || ctx.actor.type === 'system' ? ctx.actor.name : 'unknown';
    return this.transactions.run(ctx, async (tx) => {
      const row = { id: randomUUID(), ...pick(text), publishedAt: tx.now(), publishedBy };
      if (await this.terms.insertVersion(tx, row)) return published(row, true);
      const existing = await this.terms.find(tx, text.audience, text.version);
      if (existing === null || existing.ja !== text.ja || existing.en !== text.en) throw new TermsVersionExistsError(text.version);
      return published(existing, false);
    });
  }
}

/** Every published version, newest first per audience, without texts (operator only). */
@Injectable()
export class ListTermsUseCase {
  constructor(private readonly terms: TermsStore) {}

  async execute(ctx: RequestContext, query: { audience?: TermsAudience } = {}): Promise<TermsVersionSummary[]> {
    requireBankActor(ctx);
    if (query.audience !== undefined) {
      const problems = termsTextProblems({ audience: query.audience }).filter((problem) => problem.path === '/audience');
      if (problems.length > 0) throw new ValidationFailedError(problems);
    }
    return this.terms.list(ctx, query.audience);
  }
}

function pick(text: TermsText): TermsText {
  return { audience: text.audience, version: text.version, ja: text.ja, en: text.en };
}

function published(row: { audience: TermsAudience; version: string; publishedAt: Date }, isNew: boolean): PublishedTermsVersion {
  return { audience: row.audience, version: row.version, publishedAt: row.publishedAt.toISOString(), published: isNew };
}
