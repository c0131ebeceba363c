import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { RegistrationRateLimiter } from '../infrastructure/registration-rate-limiter';
import type { CreatedAccount } from '@infobank/identity';
import { RegisterIndividualUseCase, type RegisterIndividualCommand } from '@infobank/identity';

/** An individual's registration at the portal, and the address it comes from (for throttling). */
export interface SignUpCommand extends RegisterIndividualCommand {
  clientAddress: string;
}

/**
 * Registration from the public portal: throttled per client address (RATE_LIMITED with Retry-After
 * beyond REGISTRATIONS_PER_HOUR), then RegisterIndividualUseCase, whose scrypt work waits in the
 * new-password lane so that a flood of registrations cannot starve sign-in.
 */
@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly limiter: RegistrationRateLimiter,
    private readonly register: RegisterIndividualUseCase,
  ) {}

  async execute(ctx: RequestContext, command: SignUpCommand): Promise<CreatedAccount> {
    const { clientAddress, ...details } = command;
    await this.limiter.admit(clientAddress);
    return this.register.execute(ctx, details);
  }
}
