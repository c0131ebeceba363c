import {
  answersTheIndividual,
  decide,
  evolve,
  fileComplaint,
  individualReadsTextOf,
  type ComplaintCommand,
  type ComplaintParty,
  type ComplaintState,
} from './complaint';
import { complaintSla } from './complaint-sla';

const t0 = new Date('2026-06-01T00:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Step = [ComplaintParty, ComplaintCommand];

function given(...steps: Step[]): ComplaintState {
  return steps.reduce((state, [party, command]) => {
    const decision = decide(state, command, party);
    if (decision.outcome === 'refused') throw new Error(`setup refused: ${decision.reason}`);
    return evolve(state, decision.event);
  }, fileComplaint('consent', t0).state);
}

const triage: Step = ['staff', { type: 'triage', priority: 'urgent', category: 'recipient', now: later(1) }];
const reply: Step = ['staff', { type: 'reply', now: later(2) }];
const askForInformation: Step = ['staff', { type: 'request_information', now: later(3) }];
const provideInformation: Step = ['individual', { type: 'provide_information', now: later(4) }];
const escalate: Step = ['staff', { type: 'escalate', now: later(5) }];
const close: Step = ['staff', { type: 'close', now: later(6) }];

describe('complaint rules', () => {
  it('Given nothing, When an individual files, Then the complaint is open, unanswered and not escalated', () => {
    expect(given()).toEqual({
      status: 'open',
      category: 'consent',
      priority: null,
      escalated: false,
      filedAt: t0,
      firstAnsweredAt: null,
      closedAt: null,
    });
  });

  it('Given an open complaint, When staff triage it, Then it is in progress with the corrected category and priority', () => {
    expect(given(triage)).toMatchObject({ status: 'in_progress', category: 'recipient', priority: 'urgent', firstAnsweredAt: null });
  });

  it('Given an open complaint, When staff reply, Then the first answer is timed and later replies keep that time', () => {
    const state = given(reply, ['staff', { type: 'reply', now: later(9) }]);
    expect(state).toMatchObject({ status: 'in_progress', firstAnsweredAt: later(2) });
  });

  it('Given a request for information, When the individual provides it, Then the desk is on it again', () => {
    expect(given(askForInformation)).toMatchObject({ status: 'awaiting_information', firstAnsweredAt: later(3) });
    expect(given(askForInformation, provideInformation)).toMatchObject({ status: 'in_progress' });
  });

  it('Given a request for information, When staff reply meanwhile, Then the complaint still waits for the individual', () => {
    expect(given(askForInformation, reply).status).toBe('awaiting_information');
  });

  it('Given no request for information, When the individual answers, Then it is refused not_awaiting_information', () => {
    expect(decide(given(), provideInformation[1], 'individual')).toEqual({ outcome: 'refused', reason: 'not_awaiting_information' });
  });

  it('Given a pending request, When staff ask again, Then it is refused already_awaiting_information', () => {
    expect(decide(given(askForInformation), askForInformation[1], 'staff')).toEqual({
      outcome: 'refused',
      reason: 'already_awaiting_information',
    });
  });

  it('Given a complaint, When staff escalate it twice, Then the second is refused already_escalated', () => {
    const state = given(escalate);
    expect(state).toMatchObject({ escalated: true, status: 'in_progress' });
    expect(decide(state, escalate[1], 'staff')).toEqual({ outcome: 'refused', reason: 'already_escalated' });
  });

  it('Given a complaint, When staff close it, Then it is closed, answered, and no step is taken after', () => {
    const state = given(escalate, close);
    expect(state).toMatchObject({ status: 'closed', closedAt: later(6), firstAnsweredAt: later(6), escalated: true });
    for (const [party, command] of [triage, reply, askForInformation, provideInformation, escalate, close]) {
      expect(decide(state, command, party)).toEqual({ outcome: 'refused', reason: 'closed' });
    }
  });

  it('Given a complaint, When the individual tries a desk step or staff answer for the individual, Then it is refused', () => {
    for (const [, command] of [triage, reply, askForInformation, escalate, close]) {
      expect(decide(given(), command, 'individual')).toEqual({ outcome: 'refused', reason: 'not_yours_to_take' });
    }
    expect(decide(given(askForInformation), provideInformation[1], 'staff')).toEqual({ outcome: 'refused', reason: 'not_yours_to_take' });
  });

  it('Given a request for information, When staff triage, Then it is refused not_open', () => {
    expect(decide(given(askForInformation), triage[1], 'staff')).toEqual({ outcome: 'refused', reason: 'not_open' });
  });

  it('notifies the individual of replies, requests and the closing explanation only; keeps triage and escalation notes internal', () => {
    expect(['replied', 'information_requested', 'closed'].every((type) => answersTheIndividual(type as never))).toBe(true);
    expect(['filed', 'triaged', 'information_provided', 'escalated'].some((type) => answersTheIndividual(type as never))).toBe(false);
    expect(individualReadsTextOf('escalated')).toBe(false);
    expect(individualReadsTextOf('triaged')).toBe(false);
    expect(individualReadsTextOf('replied')).toBe(true);
  });
});

describe('complaint service levels', () => {
  const policy = { firstReplyHours: 1, resolveDays: 1 };

  it('Given an unanswered complaint, When the first-reply time passes, Then the first reply is overdue and resolution still pending', () => {
    const sla = complaintSla(given(), policy, later(61));
    expect(sla.firstReply).toEqual({ dueAt: later(60), state: 'overdue' });
    expect(sla.resolution).toEqual({ dueAt: later(24 * 60), state: 'pending' });
  });

  it('Given a complaint answered in time, Then the first reply is met; closed after the resolve days, Then resolution is missed', () => {
    const answered = given(reply);
    expect(complaintSla(answered, policy, later(500)).firstReply.state).toBe('met');
    const lateClose = given(reply, ['staff', { type: 'close', now: later(24 * 60 + 1) }]);
    expect(complaintSla(lateClose, policy, later(3000)).resolution.state).toBe('missed');
  });

  it('Given a complaint past its resolve days and still open, Then resolution is overdue', () => {
    expect(complaintSla(given(reply), policy, later(24 * 60 + 1)).resolution.state).toBe('overdue');
  });

  it('accepts fractional periods (a few seconds in tests)', () => {
    const sla = complaintSla(given(), { firstReplyHours: 0.001, resolveDays: 0.0001 }, new Date(t0.getTime() + 4_000));
    expect(sla.firstReply.state).toBe('overdue');
    expect(sla.resolution.state).toBe('pending');
  });
});
