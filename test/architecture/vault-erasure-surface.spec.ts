import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vault from '@infobank/vault';

/**
 * The vault's erasure, link-removal-with-erasure and account closure do not stop transfers in flight on
 * their own; only libs/revocation's …AndStopDelivery use cases, which wrap them in one transaction with
 * the withdrawal, may call them. The vault exports them under names that say so, and nothing else uses them.
 */
const ROOT = join(__dirname, '..', '..');
const INTERNAL_NAMES = [
  'EraseMyDataWithoutStoppingDelivery',
  'RemoveLinkAndEraseWithoutStoppingDelivery',
  'CloseMyAccountWithoutStoppingDelivery',
] as const;
const ALLOWED = /^libs\/(vault|revocation)\//;

/** Files under apps/, libs/ and test/ that name `word`, except the vault and revocation libraries and this spec. */
export function usersOutsideRevocation(word: string): string[] {
  let output = '';
  try {
    output = execFileSync('git', ['grep', '-lw', word, '--', 'apps', 'libs', 'test'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return output
    .split('\n')
    .filter(Boolean)
    .filter((file) => !ALLOWED.test(file) && file !== 'test/architecture/vault-erasure-surface.spec.ts');
}

describe("the vault's erasure without stopping delivery is libs/revocation's alone", () => {
  it('is not exported under the use case names apps would reach for', () => {
    for (const name of ['EraseMyDataUseCase', 'RemoveLinkAndEraseUseCase', 'CloseMyAccountUseCase']) {
      expect(Object.keys(vault)).not.toContain(name);
    }
    for (const name of INTERNAL_NAMES) expect(typeof vault[name]).toBe('function');
  });

  it.each(INTERNAL_NAMES)('%s is used only in libs/vault and libs/revocation', (name) => {
    expect(usersOutsideRevocation(name)).toEqual([]);
  });

  it('finds a use outside them (the check can fail)', () => {
    expect(usersOutsideRevocation('RevocationModule')).toContain('apps/worker/src/worker.module.ts');
  });
});
