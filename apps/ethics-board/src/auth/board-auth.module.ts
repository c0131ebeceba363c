import { DynamicModule, Module } from '@nestjs/common';
import { SessionsModule, type LoginRateLimits } from '@infobank/auth';
import { BoardMemberClaims, ReviewModule } from '@infobank/review';
import { BoardAuthController } from './auth.controller';

/** What a deployment (or a test) may tune about board members' sessions. */
export interface BoardAuthOptions {
  loginRateLimits?: Partial<LoginRateLimits>;
}

/** Board members' sign-in and sessions; tokens are issued for the board app's URL with the member's expertise. */
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
          imports: [ReviewModule],
        }),
      ],
      controllers: [BoardAuthController],
    };
  }
}
