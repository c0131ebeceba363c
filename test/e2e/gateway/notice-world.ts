// Notices as H6a's issuer writes them (a notice row plus the provisions it covers), and recipients
// attesting deletion the way a real one would, through @infobank/sdk: a compact JWS signed with its
// registered key and POSTed as application/jose with a DPoP-bound token. Shared by the gateway, board and portal suites.
import { AccountEntity } from '@infobank/identity';
import {
  DELETION_ATTESTATION_JWS_TYPE,
  NOTICE_REASONS,
  WithdrawalNoticeEntity,
  WithdrawalNoticeProvisionEntity,
} from '@infobank/revocation';
import type { NoticeKind, NoticeStatus } from '@infobank/revocation';
import { RecipientClient } from '@infobank/sdk';
import { CompactSign } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RunningApp } from '../../support/http-app';
import type { HttpResult, OrganisationClient, OrganisationKeyPair } from '../../support/organisation-client';

const HOUR = 3600 * 1000;

/** What a test notice looks like; everything has a realistic default. */
export interface NoticeSeed {
  recipientId: string;
  kind?: NoticeKind;
  status?: NoticeStatus;
  issuedAt?: Date;
  dueAt?: Date;
  subjects?: string[];
  transfers?: string[];
  offerId?: string | null;
  /** The consent (and its individual) each covered provision was made under. */
  consents?: Array<{ consentId: string; individualId: string }>;
}

/** A stored notice: its id, subjects and transfers. */
export interface SeededNotice {
  id: string;
  subjects: string[];
  transfers: string[];
  issuedAt: Date;
}

/** A pseudonymous subject id shaped like the ones packages carry (hex of an HMAC). */
export function pseudonymousSubject(): string {
  return createHash('sha256').update(randomUUID()).digest('base64url');
}

/** An individual's account (the notification on full attestation goes to a real one); never signs in. */
export async function seedIndividual(app: RunningApp): Promise<string> {
  const id = randomUUID();
  await app.app.get(DataSource).manager.insert(AccountEntity, {
    id,
    kind: 'individual',
    email: `individual.${id}@example.jp`,
    passwordHash: 'not-a-password-hash',
    displayName: '本人',
    language: 'ja',
    disabledAt: null,
  });
  return id;
}

/** Writes a notice and the provisions it covers straight through the entities (as the issuer does). */
export async function seedNotice(app: RunningApp, seed: NoticeSeed): Promise<SeededNotice> {
  const dataSource = app.app.get(DataSource);
  const id = randomUUID();
  const kind = seed.kind ?? 'consent_revoked';
  const issuedAt = seed.issuedAt ?? new Date(Date.now() - HOUR);
  const subjects = (seed.subjects ?? [pseudonymousSubject(), pseudonymousSubject()]).sort();
  const transfers = (seed.transfers ?? [randomUUID()]).sort();
  const status = seed.status ?? 'open';
  await dataSource.transaction(async (manager) => {
    await manager.insert(WithdrawalNoticeEntity, {
      id,
      recipientId: seed.recipientId,
      kind,
      sourceKey: `test:${id}`,
      offerId: seed.offerId === undefined ? randomUUID() : seed.offerId,
      reason: NOTICE_REASONS[kind].ja,
      subjects,
      transfers,
      status,
      issuedAt,
      dueAt: seed.dueAt ?? new Date(issuedAt.getTime() + 7 * 24 * HOUR),
      overdueAt: status === 'overdue' ? new Date() : null,
      attestedAt: null,
      attestationJws: null,
      attestationKid: null,
      deletedAt: null,
      statement: null,
    });
    const consents = seed.consents ?? [{ consentId: randomUUID(), individualId: await seedIndividual(app) }];
    for (const { consentId, individualId } of consents) {
      await manager.insert(WithdrawalNoticeProvisionEntity, { noticeId: id, provisionId: randomUUID(), kind, individualId, consentId });
    }
  });
  return { id, subjects, transfers, issuedAt };
}

/** Reads a notice row as stored. */
export function storedNotice(app: RunningApp, id: string): Promise<WithdrawalNoticeEntity> {
  return app.app.get(DataSource).manager.findOneByOrFail(WithdrawalNoticeEntity, { id });
}

/** The attestation payload a recipient signs for `notice` (overrides replace fields). */
export function attestationPayload(notice: SeededNotice, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    noticeId: notice.id,
    subjects: [...notice.subjects].reverse(),
    transfers: notice.transfers,
    deletedAt: new Date().toISOString(),
    statement: '対象データを全システムとバックアップから削除しました。 We deleted the data from every system and backup.',
    ...overrides,
  };
}

/** Signs an attestation as the recipient (its registered key unless another is given). */
export function signAttestation(
  recipient: OrganisationClient,
  payload: unknown,
  options: { key?: OrganisationKeyPair; kid?: string; typ?: string } = {},
): Promise<string> {
  const key = options.key ?? recipient.signingKey;
  return new CompactSign(Buffer.from(JSON.stringify(payload), 'utf8'))
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: options.typ ?? DELETION_ATTESTATION_JWS_TYPE })
    .sign(key.privateKey);
}

/** POSTs a body to `/v1/notices/:id/attestation` as the recipient. */
export function postAttestation(
  recipient: OrganisationClient,
  noticeId: string,
  body: string,
  contentType = 'application/jose',
): Promise<HttpResult> {
  recipient.sdk.forgetToken();
  return recipient.sdk.send('POST', `/v1/notices/${noticeId}/attestation`, { text: body, contentType });
}

/** Signs the matching attestation with the SDK and POSTs it; returns the answer and the JWS sent. */
export async function attest(recipient: OrganisationClient, notice: SeededNotice): Promise<{ response: HttpResult; jws: string }> {
  const { subjects, transfers, statement } = attestationPayload(notice) as { subjects: string[]; transfers: string[]; statement: string };
  const jws = await new RecipientClient(recipient.sdk).signAttestation({ noticeId: notice.id, subjects, transfers }, { statement });
  return { response: await postAttestation(recipient, notice.id, jws), jws };
}
