import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import {
  requireBankActor,
  requireOrganisation,
  Transactions,
  ValidationFailedError,
  type FieldProblem,
  type RequestContext,
} from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { mayAccept, versionToAccept, type AcceptanceMethod, type ContractAudience } from '../domain/terms';
import { TermsStore } from '../infrastructure/terms.store';
import { TermsNotPublishedError, TermsVersionNotCurrentError } from '../terms.errors';
import { acceptanceView, termsView, type AcceptanceView, type TermsView } from './current-terms';

/** An organisation's contract for one role: the current version, whether it still waits, and the acceptances recorded. */
export interface OwnContract {
  audience: ContractAudience;
  current: TermsView | null;
  /** The version to accept (a recipient submits no offer until it has); null when nothing is required. */
  acceptanceRequired: string | null;
  acceptances: AcceptanceView[];
}

/** Writes an organisation's acceptance of the current contract version: one place for the APIs and the operator. */
@Injectable()
export class ContractAcceptanceRecorder {
  constructor(
    private readonly transactions: Transactions,
    private readonly terms: TermsStore,
  ) {}

  async record(
    ctx: RequestContext,
    acceptance: {
      organisationId: string;
      audience: ContractAudience;
      version: string;
      method: AcceptanceMethod;
      acceptedAt: Date;
      recordedBy: string | null;
    },
  ): Promise<void> {
    await this.transactions.run(ctx, async (tx) => {
      const current = await this.terms.current(tx, acceptance.audience);
      if (current === null) throw new TermsNotPublishedError();
      if (!mayAccept(current, acceptance.version)) throw new TermsVersionNotCurrentError(current.version);
      if (acceptance.acceptedAt < current.publishedAt) {
        throw new ValidationFailedError([{ path: '/signedAt', message: 'must not be before the version was published' }]);
      }
      await this.terms.insertAcceptance(tx, {
        id: randomUUID(),
        termsVersionId: current.id,
        partyId: acceptance.organisationId,
        acceptedAt: acceptance.acceptedAt,
        method: acceptance.method,
        recordedBy: acceptance.recordedBy,
      });
    });
  }
}

/** The calling organisation's contract for the role the API serves (intake: provider, gateway: recipient). */
@Injectable()
export class GetOwnContractUseCase {
  constructor(private readonly terms: TermsStore) {}

  async execute(ctx: RequestContext, audience: ContractAudience): Promise<OwnContract> {
    const organisationId = requireOrganisation(ctx, audience);
    const current = await this.terms.current(ctx, audience);
    const acceptances = await this.terms.acceptancesOf(ctx, organisationId, [audience]);
    return {
      audience,
      current: current === null ? null : termsView(current),
      acceptanceRequired: versionToAccept(
        current,
        acceptances.map((acceptance) => acceptance.version),
      ),
      acceptances: acceptances.map(acceptanceView),
    };
  }
}

/** The calling organisation accepts the current version of its contract through its own API; a repeat changes nothing. */
@Injectable()
export class AcceptOwnContractUseCase {
  constructor(
    private readonly recorder: ContractAcceptanceRecorder,
    private readonly contract: GetOwnContractUseCase,
  ) {}

  async execute(ctx: RequestContext, audience: ContractAudience, command: { version: string }): Promise<OwnContract> {
    const organisationId = requireOrganisation(ctx, audience);
    await this.recorder.record(ctx, {
      organisationId,
      audience,
      version: command.version,
      method: 'api',
      acceptedAt: ctx.now(),
      recordedBy: null,
    });
    return this.contract.execute(ctx, audience);
  }
}

/** What the operator records for a contract signed on paper. */
export interface RecordPaperAcceptanceCommand {
  organisationId: string;
  audience: ContractAudience;
  version: string;
  /** When it was signed (ISO 8601); now when left out. Never in the future, never before the version was published. */
  signedAt?: string;
}

/**
 * The operator records that an organisation accepted its contract on paper (書面による契約締結). The
 * organisation must exist and hold the role the contract is for; only the current version is accepted.
 */
@Injectable()
export class RecordPaperAcceptanceUseCase {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly recorder: ContractAcceptanceRecorder,
  ) {}

  async execute(
    ctx: RequestContext,
    command: RecordPaperAcceptanceCommand,
  ): Promise<{ organisationId: string; audience: ContractAudience; version: string; acceptedAt: string }> {
    requireBankActor(ctx);
    const problems: FieldProblem[] = [];
    if (command.audience !== 'recipient' && command.audience !== 'provider')
      problems.push({ path: '/audience', message: 'must be recipient or provider' });
    const signedAt = command.signedAt === undefined ? ctx.now() : new Date(command.signedAt);
    if (Number.isNaN(signedAt.getTime()) || signedAt > ctx.now())
      problems.push({ path: '/signedAt', message: 'must be an ISO 8601 time not in the future' });
    const organisation = (await this.directory.findProfiles(ctx, [command.organisationId])).get(command.organisationId);
    if (organisation === undefined) problems.push({ path: '/organisationId', message: 'names no organisation' });
    else if (problems.length === 0 && !organisation.roles.includes(command.audience)) {
      problems.push({ path: '/audience', message: `the organisation is not a ${command.audience}` });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const recordedBy = ctx.actor.type === 'operator' || ctx.actor.type === 'system' ? ctx.actor.name : 'unknown';
    await this.recorder.record(ctx, { ...command, method: 'paper', acceptedAt: signedAt, recordedBy });
    return {
      organisationId: command.organisationId,
      audience: command.audience,
      version: command.version,
      acceptedAt: signedAt.toISOString(),
    };
  }
}
