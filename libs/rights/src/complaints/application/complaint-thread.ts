import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { answersTheIndividual, decide, evolve, type ComplaintCommand, type ComplaintEvent, type ComplaintParty } from '../domain/complaint';
import type { ComplaintSlaPolicy } from '../domain/complaint-sla';
import type { NotificationMessage } from '../../notifications/domain/notification';
import { NotifyIndividual } from '../../notifications/application/notify-individual';
import { ComplaintStore } from '../infrastructure/complaint.store';
import { ComplaintNotFoundError, ComplaintStepRefusedError } from '../complaints.errors';
import { stateOf } from './complaint-views';
import { ComplaintTexts } from './complaint-texts';

/** Who takes a step: the individual (only on their own complaint) or a desk member. */
export interface ComplaintStepActor {
  party: ComplaintParty;
  accountId: string;
}

/**
 * The one writer of a complaint's thread after filing: locks the complaint, asks the rules whether the
 * step fits, appends the event (text encrypted) and moves the complaint's row on, all in the caller's
 * transaction; a step that answers the individual leaves them a `complaint_answered` notification.
 */
@Injectable()
export class ComplaintThread {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
    private readonly notify: NotifyIndividual,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The configured service levels. */
  get policy(): ComplaintSlaPolicy {
    return this.config.complaints;
  }

  async take(
    tx: TransactionalContext,
    complaintId: string,
    actor: ComplaintStepActor,
    command: ComplaintCommand,
    text: string | null,
  ): Promise<{ eventId: string; sequence: number }> {
    const row = await this.complaints.lock(tx, complaintId);
    // Another individual's complaint is not one this individual can know exists.
    if (row === null || (actor.party === 'individual' && row.individualId !== actor.accountId)) throw new ComplaintNotFoundError();
    const decision = decide(stateOf(row), command, actor.party);
    if (decision.outcome === 'refused') throw new ComplaintStepRefusedError(decision.reason);
    const { event } = decision;
    const eventId = randomUUID();
    const sequence = row.version;
    await this.complaints.insertEvent(tx, {
      id: eventId,
      complaintId,
      sequence,
      type: event.type,
      actorType: actor.party,
      actorId: actor.accountId,
      occurredAt: event.at,
      category: event.type === 'triaged' ? event.category : null,
      priority: event.type === 'triaged' ? event.priority : null,
      textCiphertext: text === null ? null : await this.texts.seal(tx, row.individualId, complaintId, eventId, text),
    });
    const next = evolve(stateOf(row), event);
    await this.complaints.update(tx, complaintId, {
      status: next.status,
      category: next.category,
      priority: next.priority,
      escalatedAt: row.escalatedAt ?? (next.escalated ? event.at : null),
      firstAnsweredAt: next.firstAnsweredAt,
      closedAt: next.closedAt,
      updatedAt: event.at,
      version: sequence + 1,
    });
    if (answersTheIndividual(event.type)) {
      await this.notify.notify(tx, {
        individualId: row.individualId,
        kind: 'complaint_answered',
        subject: { type: 'complaint', id: complaintId },
        message: answerMessage(event),
      });
    }
    return { eventId, sequence };
  }
}

/** The notification's words: what happened, never what was written (the text stays in the thread). */
function answerMessage(event: ComplaintEvent): NotificationMessage {
  const title = { ja: '苦情・お問い合わせに窓口から回答がありました', en: 'The complaints desk has answered you' };
  switch (event.type) {
    case 'information_requested':
      return {
        title: { ja: '苦情・お問い合わせについて追加の情報をお願いします', en: 'The complaints desk asks you for more information' },
        lines: {
          ja: ['「お問い合わせ・苦情」の画面で窓口からの質問をご覧になり、お答えください。'],
          en: ['Read the desk’s question on the Contact and complaints screen and answer it there.'],
        },
      };
    case 'closed':
      return {
        title,
        lines: {
          ja: ['窓口がご説明とともにこの件を完了しました。「お問い合わせ・苦情」の画面でご覧ください。'],
          en: ['The desk has closed this complaint with an explanation. Read it on the Contact and complaints screen.'],
        },
      };
    default:
      return {
        title,
        lines: {
          ja: ['「お問い合わせ・苦情」の画面で回答をご覧ください。'],
          en: ['Read the answer on the Contact and complaints screen.'],
        },
      };
  }
}
