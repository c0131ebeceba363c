import type { INestApplicationContext } from '@nestjs/common';
import { createRequestContext, type RequestContext } from '@infobank/platform';
import { AcceptMyTermsUseCase, AcceptOwnContractUseCase, PublishTermsUseCase, type TermsAudience } from '@infobank/rights';

/** The demo's terms and contracts: short, plain texts in Japanese (binding) and English, one version each. */
export const DEMO_TERMS_TEXTS: Readonly<Record<TermsAudience, { ja: string; en: string }>> = {
  individual: {
    ja: [
      'インフォバンク 利用規約・委任契約（デモ版）',
      '第1条 あなたは、あなたが同意した提供先に限り、あなたのデータを提供することを当行に委任します。',
      '第2条 当行は、データ倫理審査会が承認したオファーについてのみ、同意の範囲内でデータを提供します。',
      '第3条 あなたはいつでも同意を撤回でき、撤回は提供先に通知されます。',
      '第4条 提供の記録はいつでも確認でき、当行の署名により検証できます。',
      '第5条 ご意見・苦情は苦情相談窓口で受け付けます。',
    ].join('\n'),
    en: [
      'Infobank terms of use and mandate (demo)',
      'Art. 1 You mandate the bank to provide your data only to recipients you consented to.',
      'Art. 2 The bank provides data only for offers the data ethics board approved, and only within your consent.',
      'Art. 3 You may withdraw consent at any time; withdrawal is notified to recipients.',
      'Art. 4 You can read every provision record at any time and verify it against the bank signature.',
      'Art. 5 The complaints desk receives your questions and complaints.',
    ].join('\n'),
  },
  recipient: {
    ja: [
      'インフォバンク 提供先契約（デモ版）',
      '第1条 提供先は、承認されたオファーの目的の範囲内でのみデータを利用する。',
      '第2条 再提供禁止：提供先は、受け取ったデータを第三者に再提供してはならない。',
      '第3条 提供先は、撤回・削除の通知を受けたときは速やかにデータを削除し、削除を証明する。',
    ].join('\n'),
    en: [
      'Infobank recipient contract (demo)',
      'Art. 1 The recipient uses the data only for the purpose of the approved offer.',
      'Art. 2 No onward transfer: the recipient must not make any onward transfer of the data to a third party.',
      'Art. 3 On a withdrawal or deletion notice the recipient deletes the data promptly and attests the deletion.',
    ].join('\n'),
  },
  provider: {
    ja: [
      'インフォバンク 提供元契約（デモ版）',
      '第1条 提供元は、本人と連携した口座についてのみ、正確なデータを署名付きで預託する。',
      '第2条 提供元は、本人が連携を解除したときは以後の預託を行わない。',
    ].join('\n'),
    en: [
      'Infobank provider contract (demo)',
      'Art. 1 The provider deposits accurate, signed data only for accounts the individual linked.',
      'Art. 2 The provider deposits nothing more once the individual removes the link.',
    ].join('\n'),
  },
};

/**
 * Publishes the demo version of every audience's terms, has each demo individual accept the
 * individual terms and each demo organisation accept the contract of each of its roles. Idempotent.
 */
export async function seedDemoTerms(
  app: INestApplicationContext,
  ctx: RequestContext,
  version: string,
  individuals: readonly { id: string }[],
  organisations: readonly { id: string; roles: readonly ('provider' | 'recipient')[] }[],
): Promise<void> {
  for (const audience of Object.keys(DEMO_TERMS_TEXTS) as TermsAudience[]) {
    await app.get(PublishTermsUseCase).execute(ctx, { audience, version, ...DEMO_TERMS_TEXTS[audience] });
  }
  for (const individual of individuals) {
    await app.get(AcceptMyTermsUseCase).execute(createRequestContext({ type: 'individual', id: individual.id }), { version });
  }
  for (const organisation of organisations) {
    const asOrganisation = createRequestContext({ type: 'organisation', id: organisation.id, roles: organisation.roles });
    for (const role of organisation.roles) await app.get(AcceptOwnContractUseCase).execute(asOrganisation, role, { version });
  }
}
