import { Injectable } from '@nestjs/common';
import { requireIndividual, Transactions, ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { NOTIFICATION_KINDS } from '../domain/notification';
import { preferencesOf, type NotificationEmailPreference } from '../domain/notification-preferences';
import { NotificationPreferenceStore } from '../infrastructure/notification-preference.store';

const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual sets their notification preferences.' };

/** The acting individual's e-mail choice for every notification kind (their choice, or the kind's default). */
@Injectable()
export class GetNotificationPreferencesUseCase {
  constructor(private readonly store: NotificationPreferenceStore) {}

  async execute(ctx: RequestContext): Promise<NotificationEmailPreference[]> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    return preferencesOf(await this.store.chosenBy(ctx, individualId));
  }
}

/**
 * Sets which notification kinds reach the acting individual by e-mail: the kinds named change, the
 * others stay. An unknown kind, or one named twice, is VALIDATION_FAILED and changes nothing.
 * Answers every kind's setting as it now is.
 */
@Injectable()
export class PutNotificationPreferencesUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: NotificationPreferenceStore,
    private readonly read: GetNotificationPreferencesUseCase,
  ) {}

  async execute(ctx: RequestContext, choices: readonly NotificationEmailPreference[]): Promise<NotificationEmailPreference[]> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    choices.forEach((choice, index) => {
      if (!(NOTIFICATION_KINDS as readonly string[]).includes(choice.kind)) {
        problems.push({ path: `/preferences/${index}/kind`, message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` });
      } else if (seen.has(choice.kind)) {
        problems.push({ path: `/preferences/${index}/kind`, message: 'is named more than once' });
      }
      seen.add(choice.kind);
    });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    await this.transactions.run(ctx, (tx) => this.store.choose(tx, individualId, choices, tx.now()));
    return this.read.execute(ctx);
  }
}
