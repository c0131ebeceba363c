import { AccountEntity } from './accounts/infrastructure/account.entity';

/** The tables libs/identity contributes to the application's data source. */
export const IDENTITY_ENTITIES = [AccountEntity];
