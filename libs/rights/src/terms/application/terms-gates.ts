import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { versionToAccept } from '../domain/terms';
import { TermsStore } from '../infrastructure/terms.store';
import { ContractAcceptanceRequiredError, TermsAcceptanceRequiredError } from '../terms.errors';

/**
 * What an individual must have done before any new consent or approval (grant, approving an ask-mode
 * request, setting standing conditions). The consent context calls `require` first in each of those use
 * cases; consents already given keep delivering whatever is published later.
 */
@Injectable()
export class ConsentPrerequisites {
  constructor(private readonly terms: TermsStore) {}

  /** TERMS_ACCEPTANCE_REQUIRED (naming the version) unless the individual accepted the current terms; nothing when none was ever published. */
  async require(ctx: RequestContext, individualId: string): Promise<void> {
    const current = await this.terms.currentForParty(ctx, 'individual', individualId);
    const version = versionToAccept(current, current?.accepted ? [current.version] : []);
    if (version !== null) throw new TermsAcceptanceRequiredError(version);
  }
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
