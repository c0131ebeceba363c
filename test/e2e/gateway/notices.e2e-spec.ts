import { randomUUID } from 'node:crypto';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import type { RunningApp } from '../../support/http-app';
import {
  generateOrganisationKey,
  registerOrganisation,
  startOrganisationApi,
  unencodedPayloadJws,
  type OrganisationClient,
} from '../../support/organisation-client';
import { sendHeadAndFirstBytes } from '../../support/raw-http';
import { expectRefused } from '../../support/refusals';
import { attest, attestationPayload, postAttestation, seedNotice, signAttestation, storedNotice, type SeededNotice } from './notice-world';

const HOUR = 3600 * 1000;

describe('gateway: notices to delete data, and deletion attestations signed with the recipient’s key', () => {
  let gateway: RunningApp;
  let recipient: OrganisationClient;
  let otherRecipient: OrganisationClient;

  beforeAll(async () => {
    gateway = await startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS);
    [recipient, otherRecipient] = await Promise.all([
      registerOrganisation(gateway, { roles: ['recipient'] }),
      registerOrganisation(gateway, { roles: ['recipient'] }),
    ]);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const notice = (overrides: Partial<Parameters<typeof seedNotice>[1]> = {}): Promise<SeededNotice> =>
    seedNotice(gateway, { recipientId: recipient.organisationId, ...overrides });

  /** The notice stayed exactly as issued: open, nothing attested. */
  async function expectUnattested(id: string): Promise<void> {
    const stored = await storedNotice(gateway, id);
    expect({
      status: stored.status,
      attestedAt: stored.attestedAt,
      jws: stored.attestationJws,
      kid: stored.attestationKid,
      deletedAt: stored.deletedAt,
      statement: stored.statement,
    }).toEqual({ status: 'open', attestedAt: null, jws: null, kid: null, deletedAt: null, statement: null });
  }

  it('lists only the caller’s notices, newest first, in pages of 50 whose cursor is a notice id, filtered by status', async () => {
    const lister = await registerOrganisation(gateway, { roles: ['recipient'] });
    const base = Date.now() - 100 * HOUR;
    const seeded: SeededNotice[] = [];
    for (let index = 0; index < 52; index += 1) {
      seeded.push(
        await seedNotice(gateway, {
          recipientId: lister.organisationId,
          issuedAt: new Date(base + index * 60_000),
          status: index === 0 ? 'overdue' : 'open',
          kind: index === 1 ? 'stop_use_order' : 'consent_revoked',
        }),
      );
    }
    await seedNotice(gateway, { recipientId: otherRecipient.organisationId });
    const newestFirst = [...seeded].reverse().map((item) => item.id);

    const first = await lister.call('GET', '/v1/notices');
    expect(first.status).toBe(200);
    expect(first.body.notices.map((item: { noticeId: string }) => item.noticeId)).toEqual(newestFirst.slice(0, 50));
    expect(first.body.nextCursor).toBe(newestFirst[49]);
    const second = await lister.call('GET', `/v1/notices?cursor=${first.body.nextCursor}`);
    expect(second.body.notices.map((item: { noticeId: string }) => item.noticeId)).toEqual(newestFirst.slice(50));
    expect(second.body.nextCursor).toBeNull();

    const stopUse = second.body.notices.find((item: { noticeId: string }) => item.noticeId === seeded[1].id);
    expect(stopUse).toEqual({
      noticeId: seeded[1].id,
      kind: 'stop_use_order',
      subjects: seeded[1].subjects,
      transfers: seeded[1].transfers,
      offerId: expect.any(String),
      reason: { ja: 'データ倫理審査会が利用停止を命じました。', en: 'The data ethics board ordered the use to stop.' },
      issuedAt: seeded[1].issuedAt.toISOString(),
      dueAt: new Date(seeded[1].issuedAt.getTime() + 7 * 24 * HOUR).toISOString(),
      status: 'open',
      attestedAt: null,
    });

    const overdue = await lister.call('GET', '/v1/notices?status=overdue');
    expect(overdue.body.notices.map((item: { noticeId: string }) => item.noticeId)).toEqual([seeded[0].id]);
    expectRefused(await lister.call('GET', '/v1/notices?status=closed'), 400, 'VALIDATION_FAILED');
    expectRefused(await lister.call('GET', '/v1/notices?cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
    // Another recipient's notice id is not a cursor this recipient was given.
    const foreign = await seedNotice(gateway, { recipientId: otherRecipient.organisationId });
    expectRefused(await lister.call('GET', `/v1/notices?cursor=${foreign.id}`), 400, 'VALIDATION_FAILED');
  });

  it('reads one notice; another recipient’s reads as not found', async () => {
    const mine = await notice({ kind: 'data_life_ended' });
    const read = await recipient.call('GET', `/v1/notices/${mine.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ noticeId: mine.id, kind: 'data_life_ended', subjects: mine.subjects, status: 'open' });
    expectRefused(await otherRecipient.call('GET', `/v1/notices/${mine.id}`), 404, 'NOTICE_NOT_FOUND');
    expectRefused(await recipient.call('GET', `/v1/notices/${randomUUID()}`), 404, 'NOTICE_NOT_FOUND');
    expectRefused(await recipient.call('GET', '/v1/notices/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('takes a matching attestation signed with a registered key: stored, the notice attested; the same JWS again answers the same', async () => {
    const mine = await notice();
    const deletedAt = new Date(Date.now() - 60_000).toISOString();
    const jws = await signAttestation(recipient, attestationPayload(mine, { deletedAt, statement: '削除しました。' }));
    const response = await postAttestation(recipient, mine.id, jws);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ noticeId: mine.id, status: 'attested', attestedAt: expect.any(String) });
    const stored = await storedNotice(gateway, mine.id);
    expect(stored).toMatchObject({
      status: 'attested',
      attestationJws: jws,
      attestationKid: recipient.signingKey.kid,
      deletedAt: new Date(deletedAt),
      statement: '削除しました。',
    });
    expect(stored.attestedAt?.toISOString()).toBe(response.body.attestedAt);

    const again = await postAttestation(recipient, mine.id, jws);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(response.body);
    const listed = await recipient.call('GET', '/v1/notices?status=attested');
    expect(listed.body.notices.map((item: { noticeId: string }) => item.noticeId)).toContain(mine.id);

    // Another (valid) attestation of an attested notice is a conflict, and changes nothing.
    const other = await signAttestation(recipient, attestationPayload(mine, { statement: '再送' }));
    expectRefused(await postAttestation(recipient, mine.id, other), 409, 'NOTICE_ALREADY_ATTESTED');
    expect((await storedNotice(gateway, mine.id)).attestationJws).toBe(jws);
  });

  it('refuses a forged attestation (signed by another key, or naming a kid not registered) and the notice stays open', async () => {
    const mine = await notice();
    const forger = await generateOrganisationKey('ES256');
    const forgedWithRegisteredKid = await signAttestation(recipient, attestationPayload(mine), {
      key: forger,
      kid: recipient.signingKey.kid,
    });
    expectRefused(await postAttestation(recipient, mine.id, forgedWithRegisteredKid), 400, 'ATTESTATION_SIGNATURE_INVALID');
    const forgedWithOwnKid = await signAttestation(recipient, attestationPayload(mine), { key: forger });
    expectRefused(await postAttestation(recipient, mine.id, forgedWithOwnKid), 400, 'ATTESTATION_SIGNATURE_INVALID');
    // The other recipient's own registered key is not this recipient's.
    const othersKey = await signAttestation(otherRecipient, attestationPayload(mine));
    expectRefused(await postAttestation(recipient, mine.id, othersKey), 400, 'ATTESTATION_SIGNATURE_INVALID');
    const wrongTyp = await signAttestation(recipient, attestationPayload(mine), { typ: 'JWT' });
    expectRefused(await postAttestation(recipient, mine.id, wrongTyp), 400, 'ATTESTATION_SIGNATURE_INVALID');
    await expectUnattested(mine.id);
  });

  it('refuses an attestation signed with an unencoded payload (b64: false under crit), and the notice stays open', async () => {
    const mine = await notice();
    const jws = await unencodedPayloadJws(recipient.signingKey, attestationPayload(mine), { typ: 'deletion-attestation+jws' });
    expectRefused(await postAttestation(recipient, mine.id, jws), 400, 'ATTESTATION_SIGNATURE_INVALID');
    await expectUnattested(mine.id);
  });

  it('refuses an unauthenticated attestation on its headers, answering 401 before reading the body', async () => {
    const mine = await notice();
    const answer = await sendHeadAndFirstBytes(
      `${gateway.url}/v1/notices/${mine.id}/attestation`,
      { method: 'POST', headers: { 'content-type': 'application/jose', 'content-length': String(512 * 1024) }, bodyStart: 'eyJh' },
      5_000,
    );
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    expect(answer.headers['www-authenticate']).toMatch(/^DPoP algs=/);
    await expectUnattested(mine.id);
  });

  it('refuses to attest another recipient’s notice, even correctly signed', async () => {
    const theirs = await seedNotice(gateway, { recipientId: otherRecipient.organisationId });
    const jws = await signAttestation(recipient, attestationPayload(theirs));
    expectRefused(await postAttestation(recipient, theirs.id, jws), 404, 'NOTICE_NOT_FOUND');
    await expectUnattested(theirs.id);
  });

  it('refuses a payload that does not match the notice, naming each problem, and changes nothing', async () => {
    const mine = await notice();
    const refuse = async (overrides: Record<string, unknown>, paths: string[]) => {
      const response = await postAttestation(recipient, mine.id, await signAttestation(recipient, attestationPayload(mine, overrides)));
      expectRefused(response, 400, 'ATTESTATION_INVALID');
      expect(response.body.errors.map((problem: { path: string }) => problem.path)).toEqual(paths);
    };
    await refuse({ subjects: [mine.subjects[0]] }, ['/subjects']);
    await refuse({ subjects: [...mine.subjects, 'someone-else'] }, ['/subjects']);
    await refuse({ transfers: [randomUUID()] }, ['/transfers']);
    await refuse({ noticeId: randomUUID() }, ['/noticeId']);
    await refuse({ deletedAt: new Date(Date.now() + 3_600_000).toISOString() }, ['/deletedAt']);
    await refuse({ deletedAt: new Date(mine.issuedAt.getTime() - 60_000).toISOString() }, ['/deletedAt']);
    await refuse({ deletedAt: 'yesterday' }, ['/deletedAt']);
    await refuse({ statement: '' }, ['/statement']);
    await refuse({ statement: 'x'.repeat(2_001) }, ['/statement']);
    await refuse({ extra: true }, ['/extra']);
    const notObject = await signAttestation(recipient, ['not', 'an', 'object']);
    expectRefused(await postAttestation(recipient, mine.id, notObject), 400, 'ATTESTATION_INVALID');
    expectRefused(await postAttestation(recipient, mine.id, 'not-a-jws'), 400, 'ATTESTATION_SIGNATURE_INVALID');
    const asJson = await postAttestation(recipient, mine.id, JSON.stringify(attestationPayload(mine)), 'application/json');
    expectRefused(asJson, 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectUnattested(mine.id);
    // A deletion up to five minutes ahead of the bank's clock is accepted (clock skew).
    const skewed = await signAttestation(recipient, attestationPayload(mine, { deletedAt: new Date(Date.now() + 120_000).toISOString() }));
    expect((await postAttestation(recipient, mine.id, skewed)).status).toBe(200);
  });

  it('attests an overdue notice', async () => {
    const late = await notice({ status: 'overdue', issuedAt: new Date(Date.now() - 8 * 24 * HOUR) });
    const { response } = await attest(recipient, late);
    expect(response.status).toBe(200);
    expect((await storedNotice(gateway, late.id)).status).toBe('attested');
  });
});
