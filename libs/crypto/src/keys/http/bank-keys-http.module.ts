import { Controller, Get, Header, Module } from '@nestjs/common';
import { BankKeyRing } from '../infrastructure/bank-key-ring';
import { CryptoModule } from '../../crypto.module';
import type { PublicJwk } from '../../jose/infrastructure/jwk';

/**
 * Publishes the bank's public signing keys so that anyone can check receipts, checkpoints and
 * tokens offline. Public keys only; old keys stay listed so what they signed keeps verifying.
 */
@Controller('.well-known')
export class BankJwksController {
  constructor(private readonly keyRing: BankKeyRing) {}

  @Get('jwks.json')
  // Short enough that a rotation (which restarts the processes) is seen within minutes.
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): { keys: PublicJwk[] } {
    return this.keyRing.publicJwks();
  }
}

/** The bank's keys for an HTTP app (CryptoModule from the configuration) and `/.well-known/jwks.json`. */
@Module({ imports: [CryptoModule.forPlatform()], controllers: [BankJwksController] })
export class BankKeysHttpModule {}
