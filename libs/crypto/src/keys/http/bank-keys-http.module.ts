import { Controller, Get, Header, Module } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPublic } from '@infobank/platform';
import { BankKeyRing } from '../infrastructure/bank-key-ring';
import { CryptoModule } from '../../crypto.module';
import type { PublicJwk } from '../../jose/infrastructure/jwk';

/**
 * Publishes the bank's public signing keys so that anyone can check receipts, checkpoints and
 * tokens offline. Public keys only; old keys stay listed so what they signed keeps verifying.
 */
@ApiTags('keys')
@Controller('.well-known')
@ApiPublic()
export class BankJwksController {
  constructor(private readonly keyRing: BankKeyRing) {}

  @Get('jwks.json')
  // Short enough that a rotation (which restarts the processes) is seen within minutes.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The bank’s public signing keys (JWK Set, RFC 7517), current and retired' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['keys'],
      properties: { keys: { type: 'array', items: { type: 'object', description: 'A public JWK with kid, alg and use' } } },
    },
  })
  jwks(): { keys: PublicJwk[] } {
    return this.keyRing.publicJwks();
  }
}

/** The bank's keys for an HTTP app (CryptoModule from the configuration) and `/.well-known/jwks.json`. */
@Module({ imports: [CryptoModule.forPlatform()], controllers: [BankJwksController] })
export class BankKeysHttpModule {}
