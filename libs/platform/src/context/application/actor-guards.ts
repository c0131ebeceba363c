import { ForbiddenError, UnauthenticatedError } from '../../errors/domain/domain-error';
import { isBankActor, type Actor, type RequestContext } from './request-context';

/**
 * How a guard refuses an actor of the wrong kind. `code` is the error code the caller's routes answer
 * with (default `FORBIDDEN`, 403); `UNAUTHENTICATED` refuses with 401 instead. `detail` replaces the
 * default message. An anonymous actor is always refused as unauthenticated.
 */
export interface Refusal {
  code?: string;
  detail?: string;
}

/** The kinds of actor a guard admits: organisations by role, and the bank's own processes and operator as `bank`. */
export type ActorKind = 'individual' | 'organisation' | 'provider' | 'recipient' | 'board_member' | 'staff' | 'bank';

/** True when the actor is of one of the kinds. */
export function actorIsOneOf(actor: Actor, kinds: readonly ActorKind[]): boolean {
  return kinds.some((kind) => actorIsKind(actor, kind));
}

/** The actor when it is of one of the kinds; otherwise refuses. For use cases several kinds of actor may call. */
export function requireOneOf(ctx: RequestContext, kinds: readonly ActorKind[], refusal: Refusal = {}): Actor {
  if (actorIsOneOf(ctx.actor, kinds)) return ctx.actor;
  return refuse(ctx.actor, refusal, `Only ${kinds.join(' or ')} actors may do this.`);
}

/** The id of the signed-in individual acting; anyone else is refused. */
export function requireIndividual(ctx: RequestContext, refusal: Refusal = {}): string {
  const { actor } = ctx;
  if (actor.type === 'individual') return actor.id;
  return refuse(actor, refusal, 'Only a signed-in individual may do this.');
}

/** The id of the organisation acting, holding `role` when one is named; anyone else is refused. */
export function requireOrganisation(ctx: RequestContext, role?: 'provider' | 'recipient', refusal: Refusal = {}): string {
  const { actor } = ctx;
  if (actor.type === 'organisation' && (role === undefined || actor.roles.includes(role))) return actor.id;
  return refuse(actor, refusal, role === undefined ? 'Only an organisation may do this.' : `Only a ${role} may do this.`);
}

/** The id of the recipient organisation acting; anyone else is refused. */
export function requireRecipient(ctx: RequestContext, refusal: Refusal = {}): string {
  return requireOrganisation(ctx, 'recipient', refusal);
}

/** The id of the provider organisation acting; anyone else is refused. */
export function requireProvider(ctx: RequestContext, refusal: Refusal = {}): string {
  return requireOrganisation(ctx, 'provider', refusal);
}

/** The id of the board member acting; anyone else is refused. */
export function requireBoardMember(ctx: RequestContext, refusal: Refusal = {}): string {
  const { actor } = ctx;
  if (actor.type === 'board_member') return actor.id;
  return refuse(actor, refusal, 'Only a member of the data ethics board may do this.');
}

/** The id of the complaints desk member (苦情相談窓口) acting; anyone else, board members included, is refused. */
export function requireStaff(ctx: RequestContext, refusal: Refusal = {}): string {
  const { actor } = ctx;
  if (actor.type === 'staff') return actor.id;
  return refuse(actor, refusal, 'Only a member of the complaints desk may do this.');
}

/** Admits only the bank's own processes and its operator, who act across individuals and organisations. */
export function requireBankActor(ctx: RequestContext, refusal: Refusal = {}): void {
  if (isBankActor(ctx.actor)) return;
  refuse(ctx.actor, refusal, "Only the bank's own processes and operator may do this.");
}

function actorIsKind(actor: Actor, kind: ActorKind): boolean {
  switch (kind) {
    case 'bank':
      return isBankActor(actor);
    case 'provider':
    case 'recipient':
      return actor.type === 'organisation' && actor.roles.includes(kind);
    default:
      return actor.type === kind;
  }
}

function refuse(actor: Actor, refusal: Refusal, defaultDetail: string): never {
  const detail = refusal.detail ?? defaultDetail;
  if (actor.type === 'anonymous' || refusal.code === 'UNAUTHENTICATED') throw new UnauthenticatedError(detail);
  throw new ForbiddenError(refusal.code ?? 'FORBIDDEN', detail);
}
