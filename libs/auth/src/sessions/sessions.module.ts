import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { AccountsModule, type AccountKind } from '@infobank/identity';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { CloseAccountUseCase } from './application/close-account.use-case';
import { GetOwnAccountUseCase, UpdateOwnAccountUseCase } from './application/get-own-account.use-case';
import { LogInUseCase } from './application/log-in.use-case';
import { LogOutUseCase } from './application/log-out.use-case';
import { RefreshSessionUseCase } from './application/refresh-session.use-case';
import { SessionIssuer } from './application/session-issuer';
import {
  ACCOUNT_CLAIMS_SOURCE,
  DEFAULT_LOGIN_RATE_LIMITS,
  LOGIN_RATE_LIMITS,
  NO_EXTRA_CLAIMS,
  SESSION_REALM,
  type AccountClaimsSource,
  type LoginRateLimits,
  type ProgressiveDelay,
} from './application/session-settings';
import { SessionTokens } from './application/session-tokens';
import { SignUpUseCase } from './application/sign-up.use-case';
import { StepUpUseCase } from './application/step-up.use-case';
import type { SessionRealm } from './domain/session-tokens';
import { LoginRateLimiter } from './infrastructure/login-rate-limiter';
import { RefreshTokenStore } from './infrastructure/refresh-token.store';
import { RegistrationRateLimiter } from './infrastructure/registration-rate-limiter';
import { BoardMemberAuthGuard, IndividualAuthGuard, StaffAuthGuard } from './http/access-token.guard';
import { RetryAfterInterceptor } from './http/retry-after.interceptor';
import { PendingAccountCheckInterceptor } from './http/account-checked-by-read';
import { AccountAccess } from './application/account-access';
import { StepUpGuard } from './http/step-up.guard';
import { BROWSER_SESSION_SETTINGS, BrowserOriginGuard, type BrowserSessionSettings } from './http/browser-session.guard';
import { LogOutEverywhereUseCase } from './application/log-out-everywhere.use-case';

/**
 * Closing an individual's account (libs/vault): the account is anonymised through libs/identity and its
 * refresh tokens are revoked here. Needs the platform only.
 */
@Module({ imports: [AccountsModule], providers: [RefreshTokenStore, CloseAccountUseCase], exports: [CloseAccountUseCase] })
export class AccountClosureModule {}

/** How an app runs sessions. */
export interface SessionsModuleOptions {
  /** Which accounts sign in at this app, the app's own kind first (the ethics board: board members, then desk staff). */
  accountKinds: readonly [AccountKind, ...AccountKind[]];
  /** This app's public URL (issuer and audience of its tokens), picked from the configuration. */
  publicUrl: (config: AppConfig) => string;
  /** Sign-in throttling; defaults to DEFAULT_LOGIN_RATE_LIMITS (tests pass small ones). */
  loginRateLimits?: Partial<LoginRateLimits>;
  /** A provider (from `imports`) adding claims to this app's tokens, e.g. the board member's expertise. */
  claimsSource?: Type<AccountClaimsSource>;
  /** Name of the refresh cookie when the app offers browsers cookie sessions (`X-Infobank-Session: cookie`); omitted: none. */
  browserSessionCookie?: string;
  imports?: ModuleMetadata['imports'];
}

const SESSION_PROVIDERS = [
  RefreshTokenStore,
  SessionTokens,
  SessionIssuer,
  LoginRateLimiter,
  RegistrationRateLimiter,
  SignUpUseCase,
  LogInUseCase,
  RefreshSessionUseCase,
  LogOutUseCase,
  LogOutEverywhereUseCase,
  StepUpUseCase,
  GetOwnAccountUseCase,
  UpdateOwnAccountUseCase,
  IndividualAuthGuard,
  BoardMemberAuthGuard,
  StaffAuthGuard,
  StepUpGuard,
  BrowserOriginGuard,
  RetryAfterInterceptor,
  AccountAccess,
  PendingAccountCheckInterceptor,
];

/**
 * Sign-in, refresh, logout, step-up and the access token guards of one app (the portal or the
 * ethics board). Global, so every feature module of the app can guard its routes. Needs the
 * platform (DataSource, REDIS, APP_CONFIG) and the bank's key ring (CryptoModule).
 */
@Module({})
export class SessionsModule {
  static forRoot(options: SessionsModuleOptions): DynamicModule {
    const limits = loginRateLimits(options.loginRateLimits);
    return {
      module: SessionsModule,
      global: true,
      imports: [AccountsModule, AccountClosureModule, ...(options.imports ?? [])],
      providers: [
        {
          provide: SESSION_REALM,
          useFactory: (config: AppConfig): SessionRealm => ({ accountKinds: options.accountKinds, publicUrl: options.publicUrl(config) }),
          inject: [APP_CONFIG],
        },
        { provide: LOGIN_RATE_LIMITS, useValue: limits },
        {
          provide: BROWSER_SESSION_SETTINGS,
          useFactory: (config: AppConfig): BrowserSessionSettings => ({
            cookieName: options.browserSessionCookie ?? null,
            allowedOrigins: config.hardening.webAllowedOrigins,
          }),
          inject: [APP_CONFIG],
        },
        options.claimsSource === undefined
          ? { provide: ACCOUNT_CLAIMS_SOURCE, useValue: NO_EXTRA_CLAIMS }
          : { provide: ACCOUNT_CLAIMS_SOURCE, useExisting: options.claimsSource },
        ...SESSION_PROVIDERS,
      ],
      exports: [AccountsModule, AccountClosureModule, SESSION_REALM, BROWSER_SESSION_SETTINGS, ...SESSION_PROVIDERS],
    };
  }
}

function loginRateLimits(overrides: Partial<LoginRateLimits> = {}): LoginRateLimits {
  const limits = { ...DEFAULT_LOGIN_RATE_LIMITS, ...overrides };
  const whole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
  const valid = (delay: ProgressiveDelay) =>
    whole(delay.freeFailures, 0) && whole(delay.baseDelayMs, 1) && whole(delay.maxDelayMs, delay.baseDelayMs);
  if (!valid(limits.perAccount) || !valid(limits.perAddress) || !whole(limits.forgetAfterMs, 1)) {
    throw new Error('Login rate limits need whole freeFailures ≥ 0, baseDelayMs ≥ 1, maxDelayMs ≥ baseDelayMs and forgetAfterMs ≥ 1.');
  }
  return limits;
}
