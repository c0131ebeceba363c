import { Injectable } from '@nestjs/common';

/**
 * The time link codes are issued and redeemed at. One injectable source of "now", so that tests can
 * move a running app past a code's 15 minutes instead of sleeping through them.
 */
@Injectable()
export class LinkClock {
  now(): Date {
    return new Date();
  }
}
