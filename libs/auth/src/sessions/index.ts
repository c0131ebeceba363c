// Sessions of people (individuals at the portal, board members at the ethics board): accounts,
// passwords, sign-in throttling, access/refresh/step-up tokens and the guards that check them.
export { ACCOUNT_CLOSED_JOB, ACCOUNT_JOBS } from './account.jobs';
export { CloseAccountUseCase } from './application/close-account.use-case';
export { CreateAccountUseCase, type CreateAccountCommand, type CreatedAccount } from './application/create-account.use-case';
export { GetOwnAccountUseCase, type OwnAccount } from './application/get-own-account.use-case';
export { LogInUseCase, type LogInCommand } from './application/log-in.use-case';
export { LogOutUseCase } from './application/log-out.use-case';
export { OpenIndividualAccounts } from './application/open-individual-accounts';
export { PasswordHasher } from './application/password-hasher';
export { RefreshSessionUseCase } from './application/refresh-session.use-case';
export { RegisterIndividualUseCase, type RegisterIndividualCommand } from './application/register-individual.use-case';
export {
  ACCOUNT_CLAIMS_SOURCE,
  DEFAULT_LOGIN_RATE_LIMITS,
  LOGIN_RATE_LIMITS,
  NO_EXTRA_CLAIMS,
  SESSION_REALM,
  type AccountClaimsSource,
  type LoginRateLimits,
  type ProgressiveDelay,
} from './application/session-settings';
export { SessionTokens } from './application/session-tokens';
export { SignUpUseCase, type SignUpCommand } from './application/sign-up.use-case';
export { StepUpUseCase, type StepUpToken } from './application/step-up.use-case';
export {
  ACCOUNT_KINDS,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  accountDetailsProblems,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type AccountKind,
  type Language,
} from './domain/account';
export {
  ACCESS_TOKEN_LIFETIME_SECONDS as SESSION_ACCESS_TOKEN_LIFETIME_SECONDS,
  ACCESS_TOKEN_TYPE as SESSION_ACCESS_TOKEN_TYPE,
  STEP_UP_TOKEN_LIFETIME_SECONDS,
  STEP_UP_TOKEN_TYPE,
  type AccessTokenClaims,
  type SessionRealm,
  type SessionRole,
  type SessionTokenPair,
} from './domain/session-tokens';
export {
  AccessTokenGuard,
  BoardMemberAuthGuard,
  ClientAddress,
  CurrentActor,
  CurrentRequestContext,
  IndividualAuthGuard,
} from './http/access-token.guard';
export { RetryAfterInterceptor } from './http/retry-after.interceptor';
export { SessionController } from './http/session.controller';
export { LoginDto, RefreshTokenDto, SessionTokensDto, StepUpDto, StepUpTokenDto } from './http/session.dto';
export { RequireStepUp, STEP_UP_HEADER, StepUpGuard } from './http/step-up.guard';
export { AccountEntity } from './infrastructure/account.entity';
export { AccountStore, type StoredAccount } from './infrastructure/account.store';
export { RefreshTokenStore } from './infrastructure/refresh-token.store';
export { AUTH_SESSION_ENTITIES, RefreshTokenEntity } from './infrastructure/refresh-token.entity';
export * from './sessions.errors';
export { AccountsModule, SessionsModule, type SessionsModuleOptions } from './sessions.module';
