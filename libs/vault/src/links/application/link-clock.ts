import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';

/**
 * The time link codes are issued and redeemed at: the context's. One injectable seam, so that tests can
 * move a running app past a code's 15 minutes instead of sleeping through them.
 */
@Injectable()
export class LinkClock {
  now(ctx: RequestContext): Date {
    return ctx.now();
  }
}
