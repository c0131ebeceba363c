import {
  admitSubject,
  changePart,
  changeSubject,
  decidePart,
  decideSubject,
  decideTransfer,
  evolvePart,
  evolveSubject,
  evolveTransfer,
  stopWork,
  type PartCommand,
  type PartState,
  type SubjectCommand,
  type SubjectState,
  type TransferCounts,
  type TransferState,
} from './transfer-lifecycle';

const t0 = new Date('2026-12-01T00:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const approvalRequestId = '55555555-5555-4555-8555-555555555555';

function givenSubject(...commands: SubjectCommand[]): SubjectState {
  return commands.reduce<SubjectState>(
    (state, command) => {
      const decision = decideSubject(command, state);
      if (decision.outcome === 'refused') throw new Error(`setup refused: ${decision.reason}`);
      return decision.events.reduce(evolveSubject, state);
    },
    { status: 'none' },
  );
}

function givenPart(...commands: PartCommand[]): PartState {
  return commands.reduce<PartState>(
    (state, command) => {
      const decision = decidePart(command, state);
      if (decision.outcome === 'refused') throw new Error(`setup refused: ${decision.reason}`);
      return decision.events.reduce(evolvePart, state);
    },
    { status: 'none' },
  );
}

const admit: SubjectCommand = { type: 'admit' };
const awaitApproval: SubjectCommand = { type: 'await_approval', approvalRequestId };
const packageIn = (part: number): SubjectCommand => ({ type: 'package', part });
const deliver: SubjectCommand = { type: 'deliver' };
const makeStale: SubjectCommand = { type: 'make_stale' };
const expire: SubjectCommand = { type: 'expire' };
const withdraw: SubjectCommand = { type: 'withdraw', reason: 'revoked' };
const deny: SubjectCommand = { type: 'deny', reason: 'approval_denied' };

describe('transfer subject rules', () => {
  describe('admitting', () => {
    it('Given no subject, When admitted, Then it is pending in no part', () => {
      expect(givenSubject(admit)).toEqual({ status: 'pending', part: null });
    });
    it('Given no subject, When it must await approval, Then it is awaiting_approval with the request', () => {
      expect(givenSubject(awaitApproval)).toEqual({ status: 'awaiting_approval', approvalRequestId });
    });
    it('Given a subject awaiting approval, When admitted (approved), Then it is pending', () => {
      expect(givenSubject(awaitApproval, admit)).toEqual({ status: 'pending', part: null });
    });
    it.each([
      ['pending', [admit]],
      ['ready', [admit, packageIn(1)]],
    ])('Given a %s subject, When admitted, Then it is refused already_admitted', (_label, setup) => {
      expect(decideSubject(admit, givenSubject(...setup))).toEqual({ outcome: 'refused', reason: 'already_admitted' });
    });
    it.each([
      ['pending', [admit]],
      ['awaiting approval', [awaitApproval]],
    ])('Given a %s subject, When it must await approval, Then it is refused already_admitted', (_label, setup) => {
      expect(decideSubject(awaitApproval, givenSubject(...setup))).toEqual({ outcome: 'refused', reason: 'already_admitted' });
    });
    it('Given no subject, When denied at admission, Then it is denied with the reason', () => {
      expect(givenSubject({ type: 'deny', reason: 'frequency_exceeded' })).toEqual({ status: 'denied', reason: 'frequency_exceeded' });
    });
  });

  describe('packaging', () => {
    it('Given a pending subject, When packaged into part 3, Then it is ready in part 3', () => {
      expect(givenSubject(admit, packageIn(3))).toEqual({ status: 'ready', part: 3 });
    });
    it('Given a subject of a stale part 2, When packaged into part 2 again, Then it is ready in part 2', () => {
      expect(givenSubject(admit, packageIn(2), makeStale, packageIn(2))).toEqual({ status: 'ready', part: 2 });
    });
    it('Given a subject of a stale part 2, When packaged into part 5, Then it is refused not_in_part', () => {
      expect(decideSubject(packageIn(5), givenSubject(admit, packageIn(2), makeStale))).toEqual({
        outcome: 'refused',
        reason: 'not_in_part',
      });
    });
    it.each([
      ['awaiting approval', [awaitApproval]],
      ['ready', [admit, packageIn(1)]],
    ])('Given a subject %s, When packaged, Then it is refused not_pending', (_label, setup) => {
      expect(decideSubject(packageIn(1), givenSubject(...setup))).toEqual({ outcome: 'refused', reason: 'not_pending' });
    });
    it('Given no subject, When packaged, Then it is refused not_pending', () => {
      expect(decideSubject(packageIn(1), { status: 'none' })).toEqual({ outcome: 'refused', reason: 'not_pending' });
    });
  });

  describe('delivering and making stale', () => {
    it('Given a ready subject, When delivered, Then it is delivered in its part', () => {
      expect(givenSubject(admit, packageIn(4), deliver)).toEqual({ status: 'delivered', part: 4 });
    });
    it('Given a ready subject, When its part is made stale, Then it is pending under the same part number', () => {
      expect(givenSubject(admit, packageIn(4), makeStale)).toEqual({ status: 'pending', part: 4 });
    });
    it.each([
      ['not admitted', []],
      ['pending', [admit]],
      ['awaiting approval', [awaitApproval]],
    ])('Given a subject %s, When delivered or made stale, Then it is refused not_ready', (_label, setup) => {
      const state = givenSubject(...setup);
      expect(decideSubject(deliver, state)).toEqual({ outcome: 'refused', reason: 'not_ready' });
      expect(decideSubject(makeStale, state)).toEqual({ outcome: 'refused', reason: 'not_ready' });
    });
  });

  describe('expiring', () => {
    it('Given a ready subject, When its part expires, Then it is expired', () => {
      expect(givenSubject(admit, packageIn(1), expire)).toEqual({ status: 'expired', part: 1 });
    });
    it('Given a subject of a stale part, When its part expires, Then it is expired', () => {
      expect(givenSubject(admit, packageIn(1), makeStale, expire)).toEqual({ status: 'expired', part: 1 });
    });
    it('Given a pending subject in no part, When expired, Then it is refused not_in_part', () => {
      expect(decideSubject(expire, givenSubject(admit))).toEqual({ outcome: 'refused', reason: 'not_in_part' });
    });
    it('Given a subject awaiting approval, When expired, Then it is refused not_ready', () => {
      expect(decideSubject(expire, givenSubject(awaitApproval))).toEqual({ outcome: 'refused', reason: 'not_ready' });
    });
  });

  describe('withdrawing and denying (revocation wins)', () => {
    it.each([
      ['pending', [admit]],
      ['awaiting approval', [awaitApproval]],
      ['ready', [admit, packageIn(1)]],
      ['pending in a stale part', [admit, packageIn(1), makeStale]],
    ])('Given a %s subject, When withdrawn or denied, Then it is denied with the reason and leaves its part', (_label, setup) => {
      expect(givenSubject(...setup, withdraw)).toEqual({ status: 'denied', reason: 'revoked' });
      expect(givenSubject(...setup, deny)).toEqual({ status: 'denied', reason: 'approval_denied' });
    });
    it('Given no subject, When withdrawn, Then it is refused not_admitted', () => {
      expect(decideSubject(withdraw, { status: 'none' })).toEqual({ outcome: 'refused', reason: 'not_admitted' });
    });
  });

  describe('settled subjects', () => {
    it.each([
      ['delivered', [admit, packageIn(1), deliver]],
      ['denied', [deny]],
      ['expired', [admit, packageIn(1), expire]],
    ])('Given a %s subject, When anything is asked, Then it is refused settled', (_label, setup) => {
      const state = givenSubject(...setup);
      for (const command of [admit, awaitApproval, packageIn(1), deliver, makeStale, expire, withdraw, deny]) {
        expect(decideSubject(command, state)).toEqual({ outcome: 'refused', reason: 'settled' });
      }
    });
  });
});

const packagePart: PartCommand = { type: 'package', expiresAt: later(24), now: t0 };
const deliverAt = (hours: number): PartCommand => ({ type: 'deliver', now: later(hours) });
const stalePart: PartCommand = { type: 'make_stale' };
const rebuild = (subjects: number): PartCommand => ({ type: 'rebuild', subjects, expiresAt: later(30), now: later(6) });
const expireAt = (hours: number): PartCommand => ({ type: 'expire', now: later(hours) });

describe('transfer part rules', () => {
  describe('packaging', () => {
    it('Given no part, When packaged, Then it is ready at generation 1 until its expiry', () => {
      expect(givenPart(packagePart)).toEqual({ status: 'ready', generation: 1, expiresAt: later(24) });
    });
    it('Given a ready part, When packaged again, Then it is refused already_packaged', () => {
      expect(decidePart(packagePart, givenPart(packagePart))).toEqual({ outcome: 'refused', reason: 'already_packaged' });
    });
    it.each([deliverAt(1), stalePart, rebuild(1), expireAt(25)])('Given no part, When %o, Then it is refused no_part', (command) => {
      expect(decidePart(command, { status: 'none' })).toEqual({ outcome: 'refused', reason: 'no_part' });
    });
  });

  describe('delivering', () => {
    it('Given a ready part, When downloaded before its expiry, Then it is delivered with the time and keeps its bytes', () => {
      expect(givenPart(packagePart, deliverAt(2))).toEqual({
        status: 'delivered',
        generation: 1,
        expiresAt: later(24),
        deliveredAt: later(2),
        bytesKept: true,
      });
    });
    it('Given a ready part, When downloaded at or after its expiry, Then it is refused gone', () => {
      expect(decidePart(deliverAt(24), givenPart(packagePart))).toEqual({ outcome: 'refused', reason: 'gone' });
    });
    it('Given a stale part, When downloaded, Then it is refused stale (PACKAGE_STALE)', () => {
      expect(decidePart(deliverAt(2), givenPart(packagePart, stalePart))).toEqual({ outcome: 'refused', reason: 'stale' });
    });
    it.each([
      ['void', [packagePart, stalePart, rebuild(0)]],
      ['expired', [packagePart, expireAt(24)]],
    ])('Given a part %s, When downloaded, Then it is refused gone (PART_GONE)', (_label, setup) => {
      expect(decidePart(deliverAt(2), givenPart(...setup))).toEqual({ outcome: 'refused', reason: 'gone' });
    });
    it('Given a delivered part, When delivered again, Then it is refused already_delivered (a re-download records nothing)', () => {
      expect(decidePart(deliverAt(3), givenPart(packagePart, deliverAt(2)))).toEqual({ outcome: 'refused', reason: 'already_delivered' });
    });
  });

  describe('making stale and rebuilding', () => {
    it('Given a ready part, When made stale, Then it is stale at the same generation', () => {
      expect(givenPart(packagePart, stalePart)).toEqual({ status: 'stale', generation: 1 });
    });
    it.each([
      ['delivered', [packagePart, deliverAt(2)]],
      ['stale', [packagePart, stalePart]],
      ['void', [packagePart, stalePart, rebuild(0)]],
      ['expired', [packagePart, expireAt(24)]],
    ])('Given a part %s, When made stale, Then it is refused not_ready', (_label, setup) => {
      expect(decidePart(stalePart, givenPart(...setup))).toEqual({ outcome: 'refused', reason: 'not_ready' });
    });
    it('Given a stale part, When rebuilt with subjects left, Then it is ready at the next generation with a new expiry', () => {
      expect(givenPart(packagePart, stalePart, rebuild(2))).toEqual({ status: 'ready', generation: 2, expiresAt: later(30) });
    });
    it('Given a stale part, When rebuilt with no subject left, Then it is void', () => {
      expect(givenPart(packagePart, stalePart, rebuild(0))).toEqual({ status: 'void', generation: 1 });
    });
    it.each([
      ['ready', [packagePart]],
      ['delivered', [packagePart, deliverAt(2)]],
      ['void', [packagePart, stalePart, rebuild(0)]],
      ['expired', [packagePart, expireAt(24)]],
    ])('Given a part %s, When rebuilt, Then it is refused not_stale', (_label, setup) => {
      expect(decidePart(rebuild(1), givenPart(...setup))).toEqual({ outcome: 'refused', reason: 'not_stale' });
    });
  });

  describe('expiring', () => {
    it('Given a ready part past its expiry, When expired, Then it is expired', () => {
      expect(givenPart(packagePart, expireAt(24))).toEqual({ status: 'expired', generation: 1 });
    });
    it('Given a delivered part past its expiry, When expired, Then it stays delivered and only its bytes are deleted', () => {
      expect(givenPart(packagePart, deliverAt(2), expireAt(25))).toMatchObject({
        status: 'delivered',
        deliveredAt: later(2),
        bytesKept: false,
      });
    });
    it('Given a ready part before its expiry, When expired, Then it is refused not_due', () => {
      expect(decidePart(expireAt(23), givenPart(packagePart))).toEqual({ outcome: 'refused', reason: 'not_due' });
    });
    it.each([
      ['stale', [packagePart, stalePart]],
      ['void', [packagePart, stalePart, rebuild(0)]],
      ['expired', [packagePart, expireAt(24)]],
      ['delivered without bytes', [packagePart, deliverAt(2), expireAt(25)]],
    ])('Given a part %s, When expired, Then it is refused not_due (no bytes to delete)', (_label, setup) => {
      expect(decidePart(expireAt(48), givenPart(...setup))).toEqual({ outcome: 'refused', reason: 'not_due' });
    });
  });
});

const counts = (overrides: Partial<TransferCounts>): TransferCounts => ({
  partsReady: 0,
  partsStale: 0,
  partsDelivered: 0,
  partsExpired: 0,
  subjectsPending: 0,
  subjectsAwaitingApproval: 0,
  ...overrides,
});
const requested: TransferState = { status: 'requested' };
const processing: TransferState = { status: 'processing', readyAt: null, deliveredAt: null };

function givenTransfer(state: TransferState, ...settled: TransferCounts[]): TransferState {
  return settled.reduce((current, settledCounts, index) => {
    const decision = decideTransfer({ type: 'settle', counts: settledCounts, now: later(index + 1) }, current);
    if (decision.outcome === 'refused') throw new Error(`setup refused: ${decision.reason}`);
    return decision.events.reduce(evolveTransfer, current);
  }, state);
}

describe('transfer rules', () => {
  describe('admitting', () => {
    it('Given a requested transfer, When admitted under an approved offer, Then it is processing', () => {
      const decision = decideTransfer({ type: 'admit', offerApproved: true, now: t0 }, requested);
      expect(decision).toEqual({ outcome: 'accepted', events: [{ type: 'transfer_admitted' }] });
    });
    it('Given a requested transfer, When admitted under an offer no longer approved, Then it is cancelled', () => {
      const decision = decideTransfer({ type: 'admit', offerApproved: false, now: t0 }, requested);
      expect(decision.outcome === 'accepted' && decision.events.reduce(evolveTransfer, requested)).toEqual({ status: 'cancelled' });
    });
    it.each([processing, { status: 'cancelled' } as TransferState])(
      'Given a %o transfer, When admitted, Then it is refused already_admitted',
      (state) => {
        expect(decideTransfer({ type: 'admit', offerApproved: true, now: t0 }, state)).toEqual({
          outcome: 'refused',
          reason: 'already_admitted',
        });
      },
    );
  });

  describe('settling from its parts and subjects', () => {
    it('Given a processing transfer, When a part is ready, Then it is ready from that time', () => {
      expect(givenTransfer(processing, counts({ partsReady: 1, subjectsPending: 3 }))).toEqual({
        status: 'ready',
        readyAt: later(1),
        deliveredAt: null,
      });
    });
    it.each([
      ['a subject pending', counts({ subjectsPending: 1 })],
      ['a part stale', counts({ partsStale: 1, partsDelivered: 1 })],
      ['a subject awaiting approval', counts({ subjectsAwaitingApproval: 1, partsDelivered: 1 })],
    ])('Given a processing transfer, When %s and nothing downloadable, Then it stays processing (no event)', (_label, settled) => {
      expect(decideTransfer({ type: 'settle', counts: settled, now: t0 }, processing)).toEqual({ outcome: 'accepted', events: [] });
    });
    it('Given a ready transfer, When every part is downloaded, Then it is delivered and keeps its ready time', () => {
      expect(givenTransfer(processing, counts({ partsReady: 1 }), counts({ partsDelivered: 1 }))).toEqual({
        status: 'delivered',
        readyAt: later(1),
        deliveredAt: later(2),
      });
    });
    it('Given a ready transfer, When a part expires undownloaded, Then it is expired', () => {
      expect(givenTransfer(processing, counts({ partsReady: 2 }), counts({ partsDelivered: 1, partsExpired: 1 }))).toMatchObject({
        status: 'expired',
      });
    });
    it('Given a delivered transfer, When a part is made stale again, Then it is processing and keeps its times', () => {
      expect(givenTransfer(processing, counts({ partsReady: 1 }), counts({ partsDelivered: 1 }), counts({ partsStale: 1 }))).toEqual({
        status: 'processing',
        readyAt: later(1),
        deliveredAt: later(2),
      });
    });
    it('Given a processing transfer, When every subject was denied, Then it is ready with nothing in it', () => {
      expect(givenTransfer(processing, counts({}))).toMatchObject({ status: 'ready', readyAt: later(1) });
    });
    it.each([requested, { status: 'cancelled' } as TransferState])(
      'Given a %o transfer, When settled, Then it is refused not_admitted',
      (state) => {
        expect(decideTransfer({ type: 'settle', counts: counts({ partsReady: 1 }), now: t0 }, state)).toEqual({
          outcome: 'refused',
          reason: 'not_admitted',
        });
      },
    );
  });
});

describe('changes the use cases save (decided subject by subject and part by part)', () => {
  describe('admission', () => {
    it('Given an auto-mode subject, When admitted, Then it is stored pending in no part', () => {
      expect(admitSubject('s1', { mode: 'auto' })).toEqual({
        subjectId: 's1',
        from: { status: 'none' },
        to: { status: 'pending', part: null },
      });
    });
    it('Given an ask-mode subject, When admitted, Then it is stored awaiting approval with its request', () => {
      expect(admitSubject('s1', { mode: 'ask', approvalRequestId }).to).toEqual({ status: 'awaiting_approval', approvalRequestId });
    });
    it('Given a subject over the fetch limit, When admitted, Then it is stored denied with the reason', () => {
      expect(admitSubject('s1', { mode: 'denied', reason: 'frequency_exceeded' }).to).toEqual({
        status: 'denied',
        reason: 'frequency_exceeded',
      });
    });
  });

  describe('single changes', () => {
    it('Given a command the rules refuse, When changed, Then there is no change to save', () => {
      expect(changeSubject({ subjectId: 's1', state: givenSubject(admit) }, deliver)).toBeNull();
      expect(changePart({ part: 1, state: givenPart(packagePart) }, rebuild(1))).toBeNull();
    });
    it('Given a command the rules accept, When changed, Then the change goes from the loaded state to the evolved one', () => {
      const from = givenSubject(admit, packageIn(2));
      expect(changeSubject({ subjectId: 's1', state: from }, deliver)).toEqual({
        subjectId: 's1',
        from,
        to: { status: 'delivered', part: 2 },
      });
    });
  });

  describe('stopping work in a transfer (withdraw, repackage, a refused delivery re-check)', () => {
    const withdrawCommand = { type: 'withdraw', reason: 'revoked' } as const;
    const ready = (subjectId: string, part: number) => ({ subjectId, state: givenSubject(admit, packageIn(part)) });
    const readyPart = (part: number) => ({ part, state: givenPart(packagePart) });

    it('Given a withdrawn subject in a ready part with another subject, Then it is denied, the part stale and the other subject pending in it', () => {
      const stop = stopWork([{ subject: ready('a', 1), command: withdrawCommand }], [readyPart(1)], [ready('a', 1), ready('b', 1)]);
      expect(stop.parts.map((change) => [change.part, change.to.status])).toEqual([[1, 'stale']]);
      expect(stop.subjects.map((change) => [change.subjectId, change.to])).toEqual([
        ['a', { status: 'denied', reason: 'revoked' }],
        ['b', { status: 'pending', part: 1 }],
      ]);
    });
    it('Given a withdrawn subject still pending in no part, Then only it changes', () => {
      const stop = stopWork([{ subject: { subjectId: 'a', state: givenSubject(admit) }, command: withdrawCommand }], [], []);
      expect(stop).toEqual({
        parts: [],
        subjects: [{ subjectId: 'a', from: { status: 'pending', part: null }, to: { status: 'denied', reason: 'revoked' } }],
      });
    });
    it('Given parts to repackage and no subject stopped, Then the parts become stale and their subjects pending', () => {
      const stop = stopWork([], [readyPart(1), readyPart(2)], [ready('a', 1), ready('b', 2)]);
      expect(stop.parts.map((change) => change.to.status)).toEqual(['stale', 'stale']);
      expect(stop.subjects.map((change) => change.to)).toEqual([
        { status: 'pending', part: 1 },
        { status: 'pending', part: 2 },
      ]);
    });
    it('Given a part already delivered, When asked to make it stale, Then it and its subjects are left as they are', () => {
      const delivered = { part: 1, state: givenPart(packagePart, deliverAt(1)) };
      const deliveredSubject = { subjectId: 'a', state: givenSubject(admit, packageIn(1), deliver) };
      expect(stopWork([], [delivered], [deliveredSubject])).toEqual({ parts: [], subjects: [] });
    });
    it('Given a subject denied by the delivery re-check, Then it is denied with that reason', () => {
      const stop = stopWork([{ subject: ready('a', 1), command: { type: 'deny', reason: 'paused' } }], [readyPart(1)], [ready('a', 1)]);
      expect(stop.subjects).toEqual([{ subjectId: 'a', from: { status: 'ready', part: 1 }, to: { status: 'denied', reason: 'paused' } }]);
    });
  });
});
