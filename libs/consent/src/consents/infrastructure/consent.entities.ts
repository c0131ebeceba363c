import { ConsentEventEntity } from './consent-event.entity';
import { ConsentEntity } from './consent.entity';

/** The tables of the consent ledger (standing conditions and approvals add theirs). */
export const CONSENT_LEDGER_ENTITIES = [ConsentEntity, ConsentEventEntity];
