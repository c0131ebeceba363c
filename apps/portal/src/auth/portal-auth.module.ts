import { DynamicModule, Module } from '@nestjs/common';
import { SessionsModule, type LoginRateLimits } from '@infobank/auth';
import { AccountEmailModule, TermsModule } from '@infobank/rights';
import { MeController } from '../me/me.controller';
import { AccountEmailController } from './account-email.controller';
import { AuthController } from './auth.controller';

/** The browser's refresh cookie at the portal (HttpOnly; the web app never reads it). */
export const PORTAL_REFRESH_COOKIE = 'infobank_refresh';

/** What a deployment (or a test) may tune about the portal's sessions. */
export interface PortalAuthOptions {
  loginRateLimits?: Partial<LoginRateLimits>;
}

/** Individuals' registration (with address verification), sign-in, sessions, step-up, password reset and `/v1/me`; tokens are issued for the portal's URL. */
@Module({})
export class PortalAuthModule {
  static forRoot(options: PortalAuthOptions = {}): DynamicModule {
    return {
      module: PortalAuthModule,
      imports: [
        SessionsModule.forRoot({
          accountKinds: ['individual'],
          publicUrl: (config) => config.http.publicUrls.portal,
          loginRateLimits: options.loginRateLimits,
          browserSessionCookie: PORTAL_REFRESH_COOKIE,
        }),
        // Registration records the terms version accepted on the form.
        TermsModule,
        AccountEmailModule,
      ],
      controllers: [AuthController, AccountEmailController, MeController],
    };
  }
}
