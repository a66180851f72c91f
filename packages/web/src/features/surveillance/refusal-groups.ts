import type { Refusal } from './surveillance.types.ts';

/**
 * Refusals of a region-wide read grouped by their code, so eight parties
 * refused for the same reason read as one sentence naming the eight, in the
 * order the node listed them.
 */
export const groupRefusals = (refused: readonly Refusal[]): { code: string; message: string; parties: string[] }[] => {
  const groups = new Map<string, { code: string; message: string; parties: string[] }>();
  for (const refusal of refused) {
    const group = groups.get(refusal.code);
    if (group) group.parties.push(refusal.party);
    else groups.set(refusal.code, { code: refusal.code, message: refusal.message, parties: [refusal.party] });
  }
  return [...groups.values()];
};
