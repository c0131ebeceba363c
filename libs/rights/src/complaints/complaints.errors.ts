import { DomainError } from '@infobank/platform';
import type { ComplaintRefusal } from './domain/complaint';

/** No complaint with this id that the actor may see (another individual's complaint answers the same). */
export class ComplaintNotFoundError extends DomainError<'COMPLAINT_NOT_FOUND'> {
  constructor() {
    super('COMPLAINT_NOT_FOUND', 'There is no complaint with this id that you may see.');
  }
}

const REFUSAL_DETAIL: Record<ComplaintRefusal, string> = {
  closed: 'The complaint is closed; nothing more can be added to it.',
  not_yours_to_take: 'This step is not yours to take on this complaint.',
  already_escalated: 'The complaint is already escalated to the data ethics board.',
  not_awaiting_information: 'The complaints desk has not asked for information on this complaint.',
  already_awaiting_information: 'The complaints desk is already waiting for information on this complaint.',
  not_open: 'Only a complaint that is open or in progress can be triaged.',
};

/** The step does not fit where the complaint stands (409); `reason` says why. */
export class ComplaintStepRefusedError extends DomainError<'COMPLAINT_STEP_REFUSED'> {
  constructor(readonly reason: ComplaintRefusal) {
    super('COMPLAINT_STEP_REFUSED', REFUSAL_DETAIL[reason]);
  }
}
