import { Injectable } from '@nestjs/common';
import { requireIndividual, Transactions, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { mayAccept, versionToAccept, type AcceptanceMethod } from '../domain/terms';
import { TermsStore } from '../infrastructure/terms.store';
import { TermsNotPublishedError, TermsVersionNotCurrentError } from '../terms.errors';
import { acceptanceView, termsView, type AcceptanceView, type TermsView } from './current-terms';

const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual reads and accepts their terms.' } as const;

/** The individual's side of the terms: the current version, whether it must still be accepted, and every acceptance. */
export interface MyTerms {
  current: { version: string; publishedAt: string } | null;
  /** The version to accept before the next consent or approval; null when nothing is required. */
  acceptanceRequired: string | null;
  acceptances: AcceptanceView[];
}

/** Writes an individual's acceptance of the current version: one place for the portal and registration. */
@Injectable()
export class IndividualAcceptanceRecorder {
  constructor(
    private readonly transactions: Transactions,
    private readonly terms: TermsStore,
  ) {}

  async record(ctx: RequestContext, individualId: string, version: string, method: AcceptanceMethod): Promise<void> {
    await this.transactions.run(ctx, async (tx) => {
      const current = await this.terms.current(tx, 'individual');
      if (current === null) throw new TermsNotPublishedError();
      if (!mayAccept(current, version)) throw new TermsVersionNotCurrentError(current.version);
      await this.terms.insertAcceptance(tx, {
        id: randomUUID(),
        termsVersionId: current.id,
        partyId: individualId,
        acceptedAt: tx.now(),
        method,
        recordedBy: null,
      });
    });
  }
}

/** The current individual terms (利用規約・委任契約) in Japanese and English; public. TERMS_NOT_PUBLISHED when none was ever published. */
@Injectable()
export class GetCurrentTermsUseCase {
  constructor(private readonly terms: TermsStore) {}

  async execute(ctx: RequestContext): Promise<TermsView> {
    const current = await this.terms.current(ctx, 'individual');
    if (current === null) throw new TermsNotPublishedError();
    return termsView(current);
  }
}

/** The signed-in individual's acceptance history (newest first) and whether the current version still waits for them. */
@Injectable()
export class GetMyTermsUseCase {
  constructor(private readonly terms: TermsStore) {}

  async execute(ctx: RequestContext): Promise<MyTerms> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const current = await this.terms.current(ctx, 'individual');
    const acceptances = await this.terms.acceptancesOf(ctx, individualId, ['individual']);
    return {
      current: current === null ? null : { version: current.version, publishedAt: current.publishedAt.toISOString() },
      acceptanceRequired: versionToAccept(
        current,
        acceptances.map((acceptance) => acceptance.version),
      ),
      acceptances: acceptances.map(acceptanceView),
    };
  }
}

/**
 * The signed-in individual accepts the current version (同意する). Only the current version can be
 * accepted (TERMS_VERSION_NOT_CURRENT names it); accepting it again changes nothing.
 */
@Injectable()
export class AcceptMyTermsUseCase {
  constructor(
    private readonly recorder: IndividualAcceptanceRecorder,
    private readonly myTerms: GetMyTermsUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { version: string }): Promise<MyTerms> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    await this.recorder.record(ctx, individualId, command.version, 'portal');
    return this.myTerms.execute(ctx);
  }
}

/**
 * Opens an individual's account while recording the terms version they accepted on the registration
 * form. With a version published, the body must name the current one (TERMS_VERSION_NOT_CURRENT,
 * before any account is made); with none published, it must name none. The acceptance is recorded only
 * for an account this registration created: an e-mail already registered is left untouched.
 */
@Injectable()
export class RegisterAcceptingTermsUseCase {
  constructor(
    private readonly terms: TermsStore,
    private readonly recorder: IndividualAcceptanceRecorder,
  ) {}

  async execute<T extends { id: string; created: boolean }>(
    ctx: RequestContext,
    acceptedVersion: string | undefined,
    openAccount: () => Promise<T>,
  ): Promise<T> {
    const current = await this.terms.current(ctx, 'individual');
    if (!mayAccept(current, acceptedVersion)) throw new TermsVersionNotCurrentError(current?.version ?? null);
    const account = await openAccount();
    if (!account.created || acceptedVersion === undefined) return account;
    try {
      await this.recorder.record(ctx, account.id, acceptedVersion, 'registration');
    } catch (error) {
      // A newer version was published meanwhile: the account stays, and asks for that one before the first consent.
      if (!(error instanceof TermsVersionNotCurrentError)) throw error;
    }
    return account;
  }
}
