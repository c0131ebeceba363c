import { DynamicModule, Module } from '@nestjs/common';
import { SessionsModule, type LoginRateLimits } from '@infobank/auth';
import { BoardMemberClaims, ReviewModule } from '@infobank/review';
import { BoardAuthController } from './auth.controller';

/** The console's refresh cookie at the ethics board (HttpOnly; its own name, so it never stands in for the portal's). */
export const BOARD_REFRESH_COOKIE = 'infobank_board_refresh';

/** What a deployment (or a test) may tune about board members' sessions. */
export interface BoardAuthOptions {
  loginRateLimits?: Partial<LoginRateLimits>;
}

/** Board members' sign-in, sessions (cookie sessions for the console) and step-up; tokens are issued for the board app's URL with the member's expertise. */
@Module({})
export class BoardAuthModule {
  static forRoot(options: BoardAuthOptions = {}): DynamicModule {
    return {
      module: BoardAuthModule,
      imports: [
        SessionsModule.forRoot({
          accountKinds: ['board_member', 'staff'],
          publicUrl: (config) => config.http.publicUrls.ethicsBoard,
          loginRateLimits: options.loginRateLimits,
          claimsSource: BoardMemberClaims,
          browserSessionCookie: BOARD_REFRESH_COOKIE,
          imports: [ReviewModule],
        }),
      ],
      controllers: [BoardAuthController],
    };
  }
}
