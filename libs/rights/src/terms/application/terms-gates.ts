import { Injectable } from '@nestjs/common';
import { mapRead, type ReadPiece, type RequestContext } from '@infobank/platform';
import { versionToAccept } from '../domain/terms';
import { TermsStore, type CurrentAcceptedAmong } from '../infrastructure/terms.store';
import { ContractAcceptanceRequiredError, TermsAcceptanceRequiredError } from '../terms.errors';

/**
 * What an individual must have done before any new consent or approval (grant, approving an ask-mode
 * request, setting standing conditions). The consent context reads it first in each of those use cases
 * (`versionsToAcceptPiece`, with its other checks in one statement); consents already given keep delivering
 * whatever is published later.
 */
@Injectable()
export class ConsentPrerequisites {
  constructor(private readonly terms: TermsStore) {}

  /** TERMS_ACCEPTANCE_REQUIRED (naming the version) unless the individual accepted the current terms; nothing when none was ever published. */
  async require(ctx: RequestContext, individualId: string): Promise<void> {
    const version = (await this.versionsToAccept(ctx, [individualId])).get(individualId);
    if (version !== undefined) throw new TermsAcceptanceRequiredError(version);
  }

  /** For a page of individuals: the version each one must still accept (absent: nothing to accept); one read. */
  async versionsToAccept(ctx: RequestContext, individualIds: readonly string[]): Promise<Map<string, string>> {
    if (individualIds.length === 0) return new Map();
    return versionsToAcceptOf(individualIds, await this.terms.currentAcceptedAmong(ctx, 'individual', individualIds));
  }

  /** The read of `versionsToAccept`, for the consent context to compose with its other reads into one statement. */
  versionsToAcceptPiece(individualIds: readonly string[]): ReadPiece<Map<string, string>> {
    return mapRead(this.terms.currentAcceptedAmongPiece('individual', individualIds), (current) =>
      versionsToAcceptOf(individualIds, current),
    );
  }
}

/** The version each individual must still accept, given the current version and who accepted it. */
function versionsToAcceptOf(individualIds: readonly string[], current: CurrentAcceptedAmong | null): Map<string, string> {
  const missing = new Map<string, string>();
  for (const individualId of individualIds) {
    const version = versionToAccept(current, current?.acceptedBy.has(individualId) === true ? [current.version] : []);
    if (version !== null) missing.set(individualId, version);
  }
  return missing;
}

/** A recipient submits offers only under the current recipient contract (再提供禁止 among its clauses). */
@Injectable()
export class RecipientContractGate {
  constructor(private readonly terms: TermsStore) {}

  /** CONTRACT_ACCEPTANCE_REQUIRED (naming the version) unless the recipient accepted the current contract; nothing when none was ever published. */
  async require(ctx: RequestContext, recipientId: string): Promise<void> {
    const current = await this.terms.currentForParty(ctx, 'recipient', recipientId);
    const version = versionToAccept(current, current?.accepted ? [current.version] : []);
    if (version !== null) throw new ContractAcceptanceRequiredError('recipient', version);
  }
}
