/**
 * Party and actor references inside clauses. A clause may name a party by
 * its code, the hub by its code, every party at once (`all-parties`), the
 * public (as a data recipient), or — for who decides, leads or is told — a
 * role, a relative actor (`affected-party`, `requesting-party`), or a role at
 * a party (`KE/national-focal-point`). A bare role means that role at the hub.
 */
import type { Clause } from './clauses.ts';
import type { Pact } from './model.ts';
import { AFFECTED_PARTY, ALL_PARTIES, PUBLIC, REQUESTING_PARTY } from './vocabulary.ts';
import { isRole, ROLES } from '../roles.ts';

export const partyCodes = (pact: Pact): string[] => pact.parties.map((party) => party.code);

export const isPartyCode = (pact: Pact, code: string): boolean => pact.parties.some((party) => party.code === code);

/** Turns references into codes: `all-parties` becomes every party; the hub and `public` stay as they are. */
export const expandParties = (pact: Pact, refs: readonly string[]): string[] => {
  const out: string[] = [];
  for (const ref of refs) {
    const codes = ref === ALL_PARTIES ? partyCodes(pact) : [ref];
    for (const code of codes) if (!out.includes(code)) out.push(code);
  }
  return out;
};

/** The parties bound by a clause: its own `parties`, or every party of the pact. */
export const clauseParties = (pact: Pact, clause: Clause): string[] =>
  clause.parties ? expandParties(pact, clause.parties) : partyCodes(pact);

export interface ActorBindings {
  affected?: string;
  requesting?: string;
}

/** Resolves actor references to `CODE` or `CODE/role` strings; unresolved relative actors are left out. */
export const resolveActors = (pact: Pact, refs: string | readonly string[], bindings: ActorBindings = {}): string[] => {
  const list = typeof refs === 'string' ? [refs] : refs;
  const out: string[] = [];
  const add = (value: string) => {
    if (!out.includes(value)) out.push(value);
  };
  for (const ref of list) {
    const [who = '', role] = ref.split('/');
    if (role === undefined && isRole(who)) {
      add(`${pact.hub.code}/${who}`);
      continue;
    }
    const codes =
      who === AFFECTED_PARTY ? [bindings.affected] : who === REQUESTING_PARTY ? [bindings.requesting] : expandParties(pact, [who]);
    for (const code of codes) if (code !== undefined) add(role === undefined ? code : `${code}/${role}`);
  }
  return out;
};

/** The party code an actor string belongs to (`KE/national-focal-point` → `KE`). */
export const actorParty = (actor: string): string => actor.split('/')[0] ?? actor;

export type RefProblem = { code: 'PACT_UNKNOWN_PARTY' | 'PACT_UNKNOWN_ROLE'; message: string };

const partyListText = (pact: Pact) =>
  `parties are ${partyCodes(pact).join(', ')}; the hub is ${pact.hub.code}; ${ALL_PARTIES} means every party`;

/** Checks one party reference; `allowPublic` where data may go to the public. */
export const checkPartyRef = (pact: Pact, ref: string, allowPublic = false): RefProblem | undefined => {
  if (ref === ALL_PARTIES || ref === pact.hub.code || isPartyCode(pact, ref)) return undefined;
  if (ref === PUBLIC) {
    return allowPublic ? undefined : { code: 'PACT_UNKNOWN_PARTY', message: `\`${PUBLIC}\` may only receive data (in \`to\`)` };
  }
  return { code: 'PACT_UNKNOWN_PARTY', message: `unknown party \`${ref}\`: ${partyListText(pact)}` };
};

/** Checks one actor reference (who decides, leads or is notified). */
export const checkActorRef = (pact: Pact, ref: string): RefProblem | undefined => {
  const [who = '', role, extra] = ref.split('/');
  if (extra !== undefined) return { code: 'PACT_UNKNOWN_PARTY', message: `\`${ref}\`: write <party>/<role> with one slash` };
  if (role === undefined && isRole(who)) return undefined;
  if (role !== undefined && !isRole(role)) {
    return { code: 'PACT_UNKNOWN_ROLE', message: `unknown role \`${role}\` in \`${ref}\`: roles are ${ROLES.join(', ')}` };
  }
  if (who === AFFECTED_PARTY || who === REQUESTING_PARTY) return undefined;
  const problem = checkPartyRef(pact, who);
  if (problem && role === undefined) {
    return { code: problem.code, message: `unknown party or role \`${ref}\`: ${partyListText(pact)}; or name a role` };
  }
  return problem;
};
