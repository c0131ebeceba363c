import { ForbiddenError, UnauthenticatedError } from '../../errors/domain/domain-error';
import {
  actorIsOneOf,
  requireBankActor,
  requireBoardMember,
  requireIndividual,
  requireOneOf,
  requireOrganisation,
  requireProvider,
  requireRecipient,
  requireStaff,
} from './actor-guards';
import { createRequestContext, type Actor, type RequestContext } from './request-context';

const actors = {
  anonymous: { type: 'anonymous' },
  individual: { type: 'individual', id: 'individual-1' },
  provider: { type: 'organisation', id: 'provider-1', roles: ['provider'] },
  recipient: { type: 'organisation', id: 'recipient-1', roles: ['recipient'] },
  both: { type: 'organisation', id: 'both-1', roles: ['provider', 'recipient'] },
  board_member: { type: 'board_member', id: 'member-1' },
  staff: { type: 'staff', id: 'staff-1' },
  operator: { type: 'operator', name: 'ops' },
  system: { type: 'system', name: 'worker' },
} as const satisfies Record<string, Actor>;

type ActorName = keyof typeof actors;
const everyActor = Object.keys(actors) as ActorName[];

/** Each guard, the actors it admits, and the id it returns for them (undefined for a guard that returns nothing). */
const guards: { name: string; guard: (ctx: RequestContext) => unknown; admits: Partial<Record<ActorName, unknown>> }[] = [
  { name: 'requireIndividual', guard: (ctx) => requireIndividual(ctx), admits: { individual: 'individual-1' } },
  {
    name: 'requireOrganisation',
    guard: (ctx) => requireOrganisation(ctx),
    admits: { provider: 'provider-1', recipient: 'recipient-1', both: 'both-1' },
  },
  { name: 'requireRecipient', guard: (ctx) => requireRecipient(ctx), admits: { recipient: 'recipient-1', both: 'both-1' } },
  { name: 'requireProvider', guard: (ctx) => requireProvider(ctx), admits: { provider: 'provider-1', both: 'both-1' } },
  { name: 'requireBoardMember', guard: (ctx) => requireBoardMember(ctx), admits: { board_member: 'member-1' } },
  { name: 'requireStaff', guard: (ctx) => requireStaff(ctx), admits: { staff: 'staff-1' } },
  { name: 'requireBankActor', guard: (ctx) => requireBankActor(ctx), admits: { operator: undefined, system: undefined } },
  {
    name: 'requireOneOf(board_member, bank)',
    guard: (ctx) => requireOneOf(ctx, ['board_member', 'bank']),
    admits: { board_member: actors.board_member, operator: actors.operator, system: actors.system },
  },
];

const cases = guards.flatMap(({ name, guard, admits }) => everyActor.map((actor) => ({ name, guard, admits, actor })));

describe('actor guards', () => {
  it.each(cases)(
    '$name with the $actor actor admits it, refuses it as unauthenticated (anonymous) or as forbidden',
    ({ guard, admits, actor }) => {
      const ctx = createRequestContext(actors[actor]);
      if (actor in admits) {
        expect(guard(ctx)).toEqual(admits[actor]);
      } else if (actor === 'anonymous') {
        expect(() => guard(ctx)).toThrow(UnauthenticatedError);
      } else {
        expect(() => guard(ctx)).toThrow(ForbiddenError);
        expect(() => guard(ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      }
    },
  );

  it('refuses with the code and detail the caller passes, and an anonymous actor always as unauthenticated', () => {
    const refusal = { code: 'NOT_A_BOARD_MEMBER', detail: 'Only members of the board.' };
    expect(() => requireBoardMember(createRequestContext(actors.individual), refusal)).toThrow(
      expect.objectContaining({ code: 'NOT_A_BOARD_MEMBER', message: 'Only members of the board.' }),
    );
    expect(() => requireBoardMember(createRequestContext(actors.anonymous), refusal)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'Only members of the board.' }),
    );
  });

  it('refuses as unauthenticated when the caller passes UNAUTHENTICATED (routes that promise 401 to every other actor)', () => {
    const refusal = { code: 'UNAUTHENTICATED' };
    expect(() => requireIndividual(createRequestContext(actors.recipient), refusal)).toThrow(UnauthenticatedError);
    expect(() => requireBankActor(createRequestContext(actors.individual), refusal)).toThrow(UnauthenticatedError);
  });

  it('tells which kinds an actor is without refusing', () => {
    expect(actorIsOneOf(actors.both, ['provider'])).toBe(true);
    expect(actorIsOneOf(actors.both, ['recipient'])).toBe(true);
    expect(actorIsOneOf(actors.provider, ['recipient', 'individual'])).toBe(false);
    expect(actorIsOneOf(actors.system, ['bank'])).toBe(true);
    expect(actorIsOneOf(actors.anonymous, ['individual', 'organisation', 'provider', 'recipient', 'board_member', 'bank'])).toBe(false);
  });
});
