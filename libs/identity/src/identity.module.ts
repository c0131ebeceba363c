import { Module } from '@nestjs/common';
import { AccountSessionAdmission } from './accounts/application/account-session-admission';
import { CreateAccountUseCase } from './accounts/application/create-account.use-case';
import { MarkEmailVerifiedUseCase } from './accounts/application/mark-email-verified.use-case';
import { OpenIndividualAccounts } from './accounts/application/open-individual-accounts';
import { PasswordHasher } from './accounts/application/password-hasher';
import { RegisterIndividualUseCase } from './accounts/application/register-individual.use-case';
import { AccountStore } from './accounts/infrastructure/account.store';

const ACCOUNT_PROVIDERS = [
  AccountStore,
  PasswordHasher,
  CreateAccountUseCase,
  RegisterIndividualUseCase,
  OpenIndividualAccounts,
  MarkEmailVerifiedUseCase,
  AccountSessionAdmission,
];

/**
 * Accounts without sessions: creating individuals and board members (operator CLI, demo seeder,
 * libs/review), registering individuals (the portal's sign-up), and telling which individuals' accounts
 * are open (libs/consent), and whether an account admits a session (libs/auth's guards). Needs the platform only (DataSource, Transactions, APP_CONFIG).
 */
@Module({ providers: ACCOUNT_PROVIDERS, exports: ACCOUNT_PROVIDERS })
export class AccountsModule {}
