import { requireOneOf, type Actor, type ActorKind, type RequestContext } from '@infobank/platform';
import { INCIDENTS_FORBIDDEN } from '../incidents.errors';

/** Who handles incidents: data ethics board members, the complaints desk's staff and the bank's operator (and its own processes). */
export const INCIDENT_HANDLERS: readonly ActorKind[] = ['board_member', 'staff', 'bank'];

/** Refuses anyone who does not handle incidents (INCIDENTS_FORBIDDEN, 403; 401 when anonymous). */
export function requireIncidentHandler(ctx: RequestContext): Actor {
  return requireOneOf(ctx, INCIDENT_HANDLERS, {
    code: INCIDENTS_FORBIDDEN,
    detail: 'Only data ethics board members, the complaints desk and the operator handle incidents.',
  });
}

/** Who took a step, as an incident's history records it: a member's id, the operator's or process's name. */
export function stepActor(actor: Actor): { actorType: string; actorRef: string } {
  switch (actor.type) {
    case 'board_member':
    case 'staff':
    case 'individual':
    case 'organisation':
      return { actorType: actor.type, actorRef: actor.id };
    case 'operator':
    case 'system':
      return { actorType: actor.type, actorRef: actor.name };
    case 'anonymous':
      return { actorType: 'anonymous', actorRef: '-' };
  }
}
