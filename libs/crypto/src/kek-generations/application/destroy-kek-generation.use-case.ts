import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { CryptoError } from '../../crypto.errors';
import { mayDestroy, type KekGenerationPolicy } from '../domain/kek-generation';
import { GenerationKeyManagementService } from './generation-key-management.service';
import { KekGenerationFiles } from '../infrastructure/kek-generation-files';
import { KEK_GENERATION_POLICY } from '../kek-generation.tokens';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';

/** What a destruction did. */
export interface DestroyedKekGeneration {
  generation: number;
  destroyedAt: Date;
  /** False when the file was already gone (destroyed earlier, its erasure now confirmed). */
  keyFileErased: boolean;
}

/**
 * Destroys a KEK generation: refused unless nothing live is wrapped under it and the backup retention
 * window has passed since it was drained (see `mayDestroy`). The database records the destruction first,
 * with the generation row locked, so no data key can be stored under it from then on; then its file is
 * overwritten and unlinked. Every database backup whose data keys were wrapped under it (backups taken
 * before its drain) is from then on unreadable. Running it again for a destroyed generation finishes an
 * erasure a crash interrupted.
 */
@Injectable()
export class DestroyKekGenerationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    @Inject(GenerationKeyManagementService) private readonly keyManagement: GenerationKeyManagementService,
    @Inject(KEK_GENERATION_POLICY) private readonly policy: KekGenerationPolicy,
  ) {}

  async execute(ctx: RequestContext, command: { generation: number }): Promise<DestroyedKekGeneration> {
    const now = ctx.now();
    const destroyedAt = await this.transactions.runOwn(ctx, async (tx) => {
      const generation = await this.store.lockGeneration(tx, command.generation);
      if (generation === null) {
        throw new CryptoError('KEK_NOT_FOUND', `There is no KEK generation ${command.generation}.`, {
          errors: [{ path: '/generation', message: 'no such generation' }],
        });
      }
      if (generation.state === 'destroyed' && generation.destroyedAt !== null) return generation.destroyedAt;
      const verdict = mayDestroy(generation, await this.store.liveDataKeysUnder(tx, command.generation), now, this.policy);
      if (!verdict.allowed) {
        throw new CryptoError('INVALID_ARGUMENT', verdict.reason, { errors: [{ path: '/generation', message: verdict.reason }] });
      }
      await this.store.markDestroyed(tx, command.generation, now);
      return now;
    });
    const keyFileErased = await this.files.erase(command.generation);
    this.keyManagement.forget();
    return { generation: command.generation, destroyedAt, keyFileErased };
  }
}
