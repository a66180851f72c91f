/**
 * The facts a message states for the decisions it needs. A node decides a
 * condition such as `alert[party]["cholera"] >= 2` with the live alert
 * levels it holds, but another node holds none of the asking party's: so
 * the asking party states its own level in the message it signs, and sender
 * and receiver decide with that same stated fact (docs/federation.md).
 */
import type { AlertLevels } from '../pact/cel.ts';
import type { Pact } from '../pact/model.ts';
import { DISEASE_CODES } from '../catalogue/index.ts';

const DISEASES = new Set(DISEASE_CODES);

/** Disease codes a condition names as string literals (`alert[party]["cholera"]`), in order of first mention. */
export const diseasesNamed = (expression: string): string[] => {
  const named: string[] = [];
  for (const match of expression.matchAll(/"([^"\\]*)"|'([^'\\]*)'/g)) {
    const literal = match[1] ?? match[2] ?? '';
    if (DISEASES.has(literal) && !named.includes(literal)) named.push(literal);
  }
  return named;
};

export interface StatedAlert {
  disease: string;
  level: number;
}

/**
 * The alert level an asking party states with a stock request: for the
 * diseases named by the release conditions of the clauses that cover the
 * product, the one at which the party stands highest. Undefined when the
 * party has no level for any of them (a condition on alert levels is then
 * false on every node alike).
 */
export const releaseAlert = (pacts: readonly Pact[], product: string, party: string, levels: AlertLevels): StatedAlert | undefined => {
  const diseases = pacts.flatMap((pact) =>
    pact.clauses.flatMap((clause) => (clause.kind === 'stockpile-sharing' && clause.products.includes(product) ? diseasesNamed(clause.releaseCondition) : [])),
  );
  let best: StatedAlert | undefined;
  for (const disease of new Set(diseases)) {
    const level = levels[party]?.[disease];
    if (level !== undefined && (best === undefined || level > best.level)) best = { disease, level };
  }
  return best;
};
