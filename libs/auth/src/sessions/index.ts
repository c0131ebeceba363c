// Sessions of people (individuals at the portal, board members at the ethics board; their accounts are
// libs/identity's): sign-in throttling, access/refresh/step-up tokens and the guards that check them.
export { ACCOUNT_CLOSED_JOB, ACCOUNT_JOBS } from './account.jobs';
export { CloseAccountUseCase } from './application/close-account.use-case';
export { GetOwnAccountUseCase, UpdateOwnAccountUseCase, type OwnAccount } from './application/get-own-account.use-case';
export { LogInUseCase, type LogInCommand } from './application/log-in.use-case';
export { LogOutUseCase } from './application/log-out.use-case';
export { LogOutEverywhereUseCase } from './application/log-out-everywhere.use-case';
export { RefreshSessionUseCase } from './application/refresh-session.use-case';
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
export { PendingAccountCheck } from './application/pending-account-check';
export { SessionTokens } from './application/session-tokens';
export { SignUpUseCase, type SignUpCommand } from './application/sign-up.use-case';
export { StepUpUseCase, type StepUpToken } from './application/step-up.use-case';
export {
  ACCESS_TOKEN_LIFETIME_SECONDS as SESSION_ACCESS_TOKEN_LIFETIME_SECONDS,
  ACCESS_TOKEN_TYPE as SESSION_ACCESS_TOKEN_TYPE,
  STEP_UP_TOKEN_LIFETIME_SECONDS,
  STEP_UP_TOKEN_TYPE,
  type AccessTokenClaims,
  type SessionRealm,
  type SessionRole,
  type SessionTokenPair,
  realmServes,
} from './domain/session-tokens';
export {
  AccessTokenGuard,
  BoardMemberAuthGuard,
  ClientAddress,
  CurrentActor,
  CurrentPendingAccountCheck,
  CurrentRequestContext,
  IndividualAuthGuard,
  StaffAuthGuard,
  BoardOrStaffAuthGuard,
} from './http/access-token.guard';
export { BROWSER_SESSION_SETTINGS, BrowserOriginGuard, BrowserSession, type BrowserSessionSettings } from './http/browser-session.guard';
export { COOKIE_SESSION_MODE, REFRESH_COOKIE_PATH, SESSION_MODE_HEADER } from './domain/browser-session';
export { AccountCheckedByRead, PendingAccountCheckInterceptor } from './http/account-checked-by-read';
export { RetryAfterInterceptor } from './http/retry-after.interceptor';
export { SessionController, StepUpRoute } from './http/session.controller';
export { BrowserSessionTokensDto, LoginDto, RefreshTokenDto, SessionTokensDto, StepUpDto, StepUpTokenDto } from './http/session.dto';
export { RequireStepUp, STEP_UP_HEADER, StepUpGuard } from './http/step-up.guard';
export { RefreshTokenStore } from './infrastructure/refresh-token.store';
export { AUTH_SESSION_ENTITIES, RefreshTokenEntity } from './infrastructure/refresh-token.entity';
export * from './sessions.errors';
export { AccountClosureModule, SessionsModule, type SessionsModuleOptions } from './sessions.module';
