import { Inject, Injectable } from '@nestjs/common';
import { requireIndividual, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { COMPLAINT_CATEGORIES, fileComplaint, type ComplaintCategory } from '../domain/complaint';
import { ComplaintStore } from '../infrastructure/complaint.store';
import { ComplaintTexts, complaintText } from './complaint-texts';

/** What an individual files: a category, the text, and optionally what it is about. */
export interface FileComplaintCommand {
  category: ComplaintCategory;
  text: string;
  relatedConsentId?: string;
  relatedProvisionId?: string;
  relatedRecipientId?: string;
}

/** The ids a complaint names, once checked. */
export interface CheckedRelations {
  consentId: string | null;
  provisionId: string | null;
  /** The recipient named, or else the recipient of the related consent; null when none. */
  recipientId: string | null;
}

/**
 * Checks the ids a complaint names against the contexts that own them (consents, provisions, recipients
 * rank above libs/rights, so the app that files complaints provides this): the consent and the provision
 * must be the acting individual's own (another's is their library's not-found, 404), the recipient a known
 * recipient (otherwise VALIDATION_FAILED naming the field).
 */
export interface ComplaintRelations {
  check(
    ctx: RequestContext,
    related: Pick<FileComplaintCommand, 'relatedConsentId' | 'relatedProvisionId' | 'relatedRecipientId'>,
  ): Promise<CheckedRelations>;
}

/** Injection token of the app's ComplaintRelations. */
export const COMPLAINT_RELATIONS = Symbol('COMPLAINT_RELATIONS');

/**
 * Files a complaint with the complaints desk (苦情相談窓口) for the signed-in individual: the complaint
 * opens with its first event, `filed`, whose text is stored encrypted. The desk's timers start now.
 */
@Injectable()
export class FileComplaintUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
    @Inject(COMPLAINT_RELATIONS) private readonly relations: ComplaintRelations,
  ) {}

  async execute(ctx: RequestContext, command: FileComplaintCommand): Promise<{ id: string }> {
    const individualId = requireIndividual(ctx);
    if (!(COMPLAINT_CATEGORIES as readonly unknown[]).includes(command?.category)) {
      throw new ValidationFailedError([{ path: '/category', message: `must be one of ${COMPLAINT_CATEGORIES.join(', ')}` }]);
    }
    const text = complaintText(command.text, '/text') as string;
    const related = await this.relations.check(ctx, command);
    return this.transactions.run(ctx, async (tx) => {
      const id = randomUUID();
      const eventId = randomUUID();
      const { state } = fileComplaint(command.category, tx.now());
      await this.complaints.insert(tx, {
        id,
        individualId,
        category: state.category,
        status: state.status,
        priority: null,
        escalatedAt: null,
        filedAt: state.filedAt,
        firstAnsweredAt: null,
        closedAt: null,
        updatedAt: state.filedAt,
        version: 1,
        relatedConsentId: related.consentId,
        relatedProvisionId: related.provisionId,
        relatedRecipientId: related.recipientId,
      });
      await this.complaints.insertEvent(tx, {
        id: eventId,
        complaintId: id,
        sequence: 0,
        type: 'filed',
        actorType: 'individual',
        actorId: individualId,
        occurredAt: state.filedAt,
        category: state.category,
        priority: null,
        textCiphertext: await this.texts.seal(tx, individualId, id, eventId, text),
      });
      return { id };
    });
  }
}
