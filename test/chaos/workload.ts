// The chaos run's workload, over HTTP against the running apps: individuals sign up, link a provider
// and receive deposits, consent, revoke and consent again, and erase their data; recipients request
// transfers (retrying under the same Idempotency-Key until they get an answer) and download the parts;
// the board issues and lifts stop-use orders. What the bank accepted is written down for the checker.
import { CompactSign } from 'jose';
import { randomInt, randomUUID } from 'node:crypto';
import { OrganisationClient, Traffic, type Answer } from './clients';
import { sleep } from './services';
import type { MailDrop } from './mail-drop';

export interface Endpoints {
  portal: string;
  intake: string;
  gateway: string;
  board: string;
}

export interface BoardMember {
  email: string;
  password: string;
  token?: string;
}

export interface Recipient {
  client: OrganisationClient;
  offerId: string;
}

interface Individual {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  customerRef: string;
  /** Consents by offer id: the live one, or none after a revocation. */
  consents: Map<string, string | null>;
  erased: boolean;
  /** One action at a time per individual (an erasure never races a deposit of the same person). */
  busy: boolean;
}

/** What the bank said yes to, which the checker holds against the database afterwards. */
export interface Accepted {
  /** transferId → recipient id, for every 202. */
  transfers: Map<string, string>;
  /** Idempotency-Key → every transferId an answer under it named (more than one is a duplicate). */
  transfersByKey: Map<string, Set<string>>;
  /** recordId → individual id, for every record a deposit answered `accepted`. */
  records: Map<string, string>;
  /** Individuals whose data was erased (answered 204); no record is deposited for them afterwards. */
  erased: Set<string>;
  /** Consents whose revocation was answered 200 (or 409 already revoked). */
  revoked: Set<string>;
  consents: Set<string>;
}

export interface WorkloadCounts {
  individuals: number;
  deposits: number;
  records: number;
  consents: number;
  revocations: number;
  erasures: number;
  transfersRequested: number;
  transfersAccepted: number;
  idempotentRetries: number;
  idempotentReplays: number;
  partsDownloaded: number;
  partsRefused: number;
  stopUseOrders: number;
  stopUseOrdersLifted: number;
}

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 12;

export class Workload {
  readonly accepted: Accepted = {
    transfers: new Map(),
    transfersByKey: new Map(),
    records: new Map(),
    erased: new Set(),
    revoked: new Set(),
    consents: new Set(),
  };
  readonly counts: WorkloadCounts = {
    individuals: 0,
    deposits: 0,
    records: 0,
    consents: 0,
    revocations: 0,
    erasures: 0,
    transfersRequested: 0,
    transfersAccepted: 0,
    idempotentRetries: 0,
    idempotentReplays: 0,
    partsDownloaded: 0,
    partsRefused: 0,
    stopUseOrders: 0,
    stopUseOrdersLifted: 0,
  };
  private readonly individuals: Individual[] = [];
  private stopped = false;

  constructor(
    private readonly traffic: Traffic,
    private readonly endpoints: Endpoints,
    private readonly provider: OrganisationClient,
    readonly recipients: Recipient[],
    private readonly board: BoardMember[],
    private readonly mail: MailDrop,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** Signs up `count` individuals, `concurrency` at a time, each linked, with records and consents. */
  async populate(count: number, concurrency = 4): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < count && !this.stopped) {
        next += 1;
        await this.newIndividual();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  /** Runs every loop until `deadline` (each loop is bounded by it and by its own attempt limits). */
  async run(deadline: number, options: { maxIndividuals: number }): Promise<void> {
    const until = (): boolean => !this.stopped && Date.now() < deadline;
    const recipientLoops = this.recipients.map(async (recipient) => {
      while (until()) {
        await this.transferRound(recipient, deadline);
        await sleep(randomInt(200, 800));
      }
    });
    const individualLoops = Array.from({ length: 3 }, async () => {
      while (until()) {
        await this.individualAction(options.maxIndividuals);
        await sleep(randomInt(50, 300));
      }
    });
    const boardLoop = (async () => {
      while (until()) {
        await sleep(randomInt(8_000, 15_000));
        if (until()) await this.stopUseOrderRound(deadline);
      }
    })();
    await Promise.all([...recipientLoops, ...individualLoops, boardLoop]);
  }

  // ---------------------------------------------------------------- individuals

  private async newIndividual(): Promise<void> {
    const email = `chaos.${randomUUID()}@example.jp`;
    const password = 'correct horse battery staple';
    const registered = await this.retry(() =>
      this.traffic.json('portal', this.endpoints.portal, 'POST', '/v1/auth/register', {
        body: { email, password, displayName: '試験 花子', language: 'ja' },
      }),
    );
    if (registered?.status !== 201) return;
    const individual: Individual = {
      id: registered.body.id as string,
      email,
      password,
      accessToken: '',
      customerRef: `CHAOS-${randomUUID()}`,
      consents: new Map(),
      erased: false,
      busy: true,
    };
    if (!(await this.signIn(individual))) return;
    // Consent needs a verified address: the link arrives through the outbox, the worker and the mail folder.
    if (!(await this.verifyAddress(individual))) return;
    const link = await this.asIndividual(individual, 'POST', '/v1/me/links', {
      providerId: this.provider.id,
      categories: ['purchase.receipts'],
    });
    if (link?.status !== 201) return;
    const redeemed = await this.retry(() =>
      this.provider.call('POST', '/v1/links', { body: { linkCode: link.body.linkCode, customerRef: individual.customerRef } }),
    );
    if (redeemed?.status !== 200) return;
    this.individuals.push(individual);
    this.counts.individuals += 1;
    await this.deposit(individual, randomInt(1, 4));
    for (const recipient of this.recipients) if (randomInt(0, 10) < 8) await this.consent(individual, recipient.offerId);
    individual.busy = false;
  }

  /** Follows the verification link mailed at sign-up; waits (bounded) while faults delay the mail. */
  private async verifyAddress(individual: Individual): Promise<boolean> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && !this.stopped) {
      const token = await this.mail.verificationToken(individual.email);
      if (token !== null) {
        const answer = await this.retry(() =>
          this.traffic.json('portal', this.endpoints.portal, 'POST', '/v1/auth/verify-email', { body: { token } }),
        );
        return answer?.status === 200;
      }
      await sleep(500);
    }
    return false;
  }

  private async individualAction(maxIndividuals: number): Promise<void> {
    const roll = randomInt(0, 100);
    if (roll < 10 && this.individuals.length < maxIndividuals) return this.newIndividual();
    const individual = this.individuals[randomInt(0, Math.max(1, this.individuals.length))];
    if (individual === undefined || individual.busy) return;
    individual.busy = true;
    try {
      await this.actOn(individual, roll);
    } finally {
      individual.busy = false;
    }
  }

  private async actOn(individual: Individual, roll: number): Promise<void> {
    if (roll < 45) {
      if (!individual.erased) await this.deposit(individual, randomInt(1, 3));
    } else if (roll < 70) {
      const live = [...individual.consents.entries()].filter(([, consentId]) => consentId !== null);
      const pick = live[randomInt(0, Math.max(1, live.length))];
      if (pick !== undefined) await this.revoke(individual, pick[0], pick[1] as string);
    } else if (roll < 85) {
      const offerId = this.recipients[randomInt(0, this.recipients.length)].offerId;
      if (!individual.consents.get(offerId)) await this.consent(individual, offerId);
    } else if (roll < 90) {
      if (!individual.erased) await this.erase(individual);
    } else {
      await this.asIndividual(individual, 'GET', '/v1/me/provisions?limit=20');
    }
  }

  private async signIn(individual: Individual): Promise<boolean> {
    const login = await this.retry(() =>
      this.traffic.json('portal', this.endpoints.portal, 'POST', '/v1/auth/login', {
        body: { email: individual.email, password: individual.password },
      }),
    );
    if (login?.status !== 200) return false;
    individual.accessToken = login.body.accessToken as string;
    return true;
  }

  /** Calls the portal as the individual, retrying what a fault interrupted and signing in again on 401. */
  private async asIndividual(individual: Individual, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    let answer = await this.retry(() =>
      this.traffic.json('portal', this.endpoints.portal, method, path, { body, bearer: individual.accessToken, headers }),
    );
    if (answer?.status === 401 && (await this.signIn(individual))) {
      answer = await this.retry(() =>
        this.traffic.json('portal', this.endpoints.portal, method, path, { body, bearer: individual.accessToken, headers }),
      );
    }
    return answer;
  }

  private async deposit(individual: Individual, count: number): Promise<void> {
    const records = Array.from({ length: count }, () => receipt(individual.customerRef));
    const batchId = `chaos-${randomUUID()}`;
    const jws = await new CompactSign(Buffer.from(JSON.stringify({ batchId, records }), 'utf8'))
      .setProtectedHeader({ alg: this.provider.signing.alg, kid: this.provider.signing.kid, typ: 'deposit-batch+jws' })
      .sign(this.provider.signing.privateKey);
    // The same batchId again returns the first answer, so retrying an interrupted deposit is safe.
    const answer = await this.retry(() => this.provider.call('POST', '/v1/deposits', { raw: jws }));
    if (answer?.status !== 200) return;
    this.counts.deposits += 1;
    for (const result of answer.body.results as { recordId: string; status: string }[]) {
      if (result.status !== 'accepted') continue;
      this.accepted.records.set(result.recordId, individual.id);
      this.counts.records += 1;
    }
  }

  private async consent(individual: Individual, offerId: string): Promise<void> {
    const answer = await this.asIndividual(individual, 'POST', '/v1/me/consents', { offerId, optionalItems: [], mode: 'auto' });
    if (answer?.status === 201) {
      individual.consents.set(offerId, answer.body.consentId as string);
      this.accepted.consents.add(answer.body.consentId as string);
      this.counts.consents += 1;
    }
  }

  private async revoke(individual: Individual, offerId: string, consentId: string): Promise<void> {
    const answer = await this.asIndividual(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, { reason: null });
    // 409 CONSENT_ALREADY_REVOKED: an earlier attempt whose answer a fault lost did revoke it.
    if (answer?.status === 200 || answer?.body?.code === 'CONSENT_ALREADY_REVOKED') {
      individual.consents.set(offerId, null);
      this.accepted.revoked.add(consentId);
      this.counts.revocations += 1;
    }
  }

  private async erase(individual: Individual): Promise<void> {
    const stepUp = await this.asIndividual(individual, 'POST', '/v1/auth/step-up', { password: individual.password });
    if (stepUp?.status !== 200) return;
    // Marked first: no deposit for this individual may start once the erasure may have happened.
    individual.erased = true;
    const answer = await this.asIndividual(individual, 'DELETE', `/v1/me/data?provider=${this.provider.id}`, undefined, {
      'x-step-up-token': stepUp.body.stepUpToken as string,
    });
    if (answer?.status === 204) {
      this.accepted.erased.add(individual.id);
      this.counts.erasures += 1;
    }
  }

  // ---------------------------------------------------------------- recipients

  /** One transfer: requested under one key (retried, and now and then replayed), built, every part downloaded. */
  private async transferRound(recipient: Recipient, deadline: number): Promise<void> {
    const key = randomUUID();
    const request = () =>
      recipient.client.call('POST', '/v1/transfers', { body: { offerId: recipient.offerId }, headers: { 'idempotency-key': key } });
    this.counts.transfersRequested += 1;
    let answer: Answer | null = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && Date.now() < deadline + 30_000; attempt += 1) {
      if (attempt > 0) this.counts.idempotentRetries += 1;
      answer = await request();
      if (answer.status !== 0 && answer.status < 500) break;
      await sleep(500 * (attempt + 1));
    }
    if (answer?.status !== 202) return;
    const transferId = answer.body.transferId as string;
    this.noteTransfer(key, transferId, recipient.client.id);
    if (randomInt(0, 3) === 0) {
      const replay = await request();
      this.counts.idempotentReplays += 1;
      if (replay.status === 202) this.noteTransfer(key, replay.body.transferId as string, recipient.client.id);
    }
    await this.downloadAll(recipient, transferId, deadline);
  }

  private noteTransfer(key: string, transferId: string, recipientId: string): void {
    if (!this.accepted.transfers.has(transferId)) this.counts.transfersAccepted += 1;
    this.accepted.transfers.set(transferId, recipientId);
    const ids = this.accepted.transfersByKey.get(key) ?? new Set<string>();
    ids.add(transferId);
    this.accepted.transfersByKey.set(key, ids);
  }

  private async downloadAll(recipient: Recipient, transferId: string, deadline: number): Promise<void> {
    const done = new Set<number>();
    const until = Math.min(deadline + 30_000, Date.now() + 90_000);
    while (Date.now() < until && !this.stopped) {
      const status = await recipient.client.call('GET', `/v1/transfers/${transferId}`);
      const transfer = status.status === 200 ? status.body : null;
      if (transfer !== null && !['requested', 'processing', 'ready'].includes(transfer.status)) return;
      const parts: number = transfer?.parts ?? 0;
      if (transfer?.status === 'ready' && parts > 0) {
        let pending = false;
        for (let part = 1; part <= parts; part += 1) {
          if (done.has(part)) continue;
          const download = await recipient.client.call('GET', `/v1/transfers/${transferId}/parts/${part}`);
          if (download.status === 200) {
            done.add(part);
            this.counts.partsDownloaded += 1;
          } else if (download.status === 410 || download.status === 404) {
            done.add(part);
            this.counts.partsRefused += 1;
          } else {
            // 409 PACKAGE_STALE (rebuilt under the same number), or a fault: try again.
            pending = true;
          }
        }
        if (!pending && done.size >= parts) return;
      }
      await sleep(500);
    }
  }

  // ---------------------------------------------------------------- the board

  private async stopUseOrderRound(deadline: number): Promise<void> {
    if (this.board.length < 2 || this.recipients.length < 2) return;
    const [first, second] = this.board;
    const target = { type: 'offer', id: this.recipients[this.recipients.length - 1].offerId };
    const proposed = await this.asMember(first, 'POST', '/v1/orders', { target, reason: '障害試験: 提供先の安全管理を確認するため。' });
    if (proposed?.status !== 201) return;
    const orderId = proposed.body.id as string;
    const confirmed = await this.asMember(second, 'POST', `/v1/orders/${orderId}/confirm`);
    if (confirmed?.status !== 200 && confirmed?.body?.code !== 'ORDER_NOT_PROPOSED') return;
    this.counts.stopUseOrders += 1;
    await sleep(Math.max(0, Math.min(randomInt(4_000, 10_000), deadline - Date.now())));
    // Lifted even after the deadline, so that the offer's consents are usable again for the next run phase.
    const reason = { reason: '障害試験: 確認が済んだため。' };
    const requested = await this.asMember(first, 'POST', `/v1/orders/${orderId}/lift`, reason);
    if (requested?.status !== 200) return;
    const lifted = await this.asMember(second, 'POST', `/v1/orders/${orderId}/lift`, reason);
    if (lifted?.status === 200) this.counts.stopUseOrdersLifted += 1;
  }

  private async asMember(member: BoardMember, method: string, path: string, body?: unknown): Promise<Answer | null> {
    if (member.token === undefined) {
      const login = await this.retry(() =>
        this.traffic.json('ethics-board', this.endpoints.board, 'POST', '/v1/auth/login', {
          body: { email: member.email, password: member.password },
        }),
      );
      if (login?.status !== 200) return null;
      member.token = login.body.accessToken as string;
    }
    // Orders need a fresh step-up (the password again), as at the console.
    let headers: Record<string, string> | undefined;
    if (method === 'POST' && path.startsWith('/v1/orders')) {
      const stepUp = await this.retry(() =>
        this.traffic.json('ethics-board', this.endpoints.board, 'POST', '/v1/auth/step-up', {
          body: { password: member.password },
          bearer: member.token,
        }),
      );
      if (stepUp?.status !== 200) {
        if (stepUp?.status === 401) member.token = undefined;
        return stepUp;
      }
      headers = { 'x-step-up-token': stepUp.body.stepUpToken as string };
    }
    const answer = await this.retry(() =>
      this.traffic.json('ethics-board', this.endpoints.board, method, path, { body, bearer: member.token, headers }),
    );
    if (answer?.status === 401) member.token = undefined;
    return answer;
  }

  /** Repeats a request a fault interrupted (no answer, or 503), a bounded number of times. */
  private async retry(call: () => Promise<Answer>): Promise<Answer | null> {
    let answer: Answer | null = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      answer = await call();
      if (answer.status !== 0 && answer.status !== 503 && answer.status !== 502) return answer;
      await sleep(400 * (attempt + 1));
    }
    return answer;
  }
}

/** A convenience-store receipt a few days old (inside every offer's 90-day data range). */
function receipt(customerRef: string): Record<string, unknown> {
  const at = new Date(Date.now() - randomInt(1, 20) * DAY_MS + 9 * 3_600_000).toISOString().slice(0, 19) + '+09:00';
  const quantity = randomInt(1, 4);
  return {
    recordId: `R-${randomUUID()}`,
    customerRef,
    category: 'purchase.receipts',
    observedAt: at,
    data: {
      receiptId: `0099-${randomUUID().slice(0, 8)}`,
      purchasedAt: at,
      channel: 'store',
      store: { name: 'さくらマート 駅前店', chain: 'さくらマート', prefecture: '13' },
      lineItems: [{ name: 'おにぎり 鮭', janCode: '4901234567894', quantity, unitPriceYen: 150, amountYen: 150 * quantity }],
      totalYen: 150 * quantity,
      taxYen: 11 * quantity,
      paymentMethod: 'cash',
    },
  };
}
