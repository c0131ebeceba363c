// The public surface of libs/identity: who someone is. Accounts of individuals and board members,
// their passwords, creating and registering them, and which individuals' accounts are open.
export { AccountSessionAdmission } from './accounts/application/account-session-admission';
export { CreateAccountUseCase, type CreateAccountCommand, type CreatedAccount } from './accounts/application/create-account.use-case';
export { MarkEmailVerifiedUseCase } from './accounts/application/mark-email-verified.use-case';
export { OpenIndividualAccounts } from './accounts/application/open-individual-accounts';
export { PasswordHasher } from './accounts/application/password-hasher';
export { RegisterIndividualUseCase, type RegisterIndividualCommand } from './accounts/application/register-individual.use-case';
export {
  ACCOUNT_KINDS,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  accountDetailsProblems,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type AccountDetails,
  type AccountKind,
  type Language,
} from './accounts/domain/account';
export { AccountEntity } from './accounts/infrastructure/account.entity';
export {
  accountAdmitsSessionCondition,
  type AccountSession,
  type AccountSessionVerdict,
} from './accounts/infrastructure/account-session-admission.sql';
export { AccountStore, type AnonymisedAccount, type NewAccount, type StoredAccount } from './accounts/infrastructure/account.store';
export { IDENTITY_ENTITIES } from './identity.entities';
export { AccountsModule } from './identity.module';
