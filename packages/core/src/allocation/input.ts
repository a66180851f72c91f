import { z } from 'zod';
import { badRequest } from '../errors.ts';

const quantity = z.number().nonnegative();
const id = z.string().min(1);

/**
 * What to divide: stock held by sources, needs of parties, the cost of each
 * route that can ship, and the floor (0…1) of the fair proportional share
 * every party is guaranteed. Products missing from a `supply` or `need`
 * count as 0; a floor left out is 0.
 */
export const allocationInputSchema = z
  .object({
    products: z.array(id).min(1),
    sources: z.array(z.object({ id, supply: z.record(z.string(), quantity) }).strict()).min(1),
    parties: z.array(z.object({ id, weight: z.number().nonnegative(), need: z.record(z.string(), quantity) }).strict()).min(1),
    cost: z.array(z.object({ from: id, to: id, perUnit: z.number().nonnegative() }).strict()),
    floor: z.number().min(0).max(1).default(0),
  })
  .strict();

export type AllocationInput = z.input<typeof allocationInputSchema>;
export type CheckedAllocationInput = z.output<typeof allocationInputSchema>;

const where = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || 'input';

const invalid = (problems: string[]) =>
  badRequest('STOCK_ALLOCATION_INVALID', `invalid allocation input: ${problems.join('; ')}`, { problems });

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

/** The references a schema cannot see: ids unique, products known, routes between a source and a party. */
const crossReferenceProblems = (input: CheckedAllocationInput): string[] => {
  const problems: string[] = [];
  const products = new Set(input.products);
  const sources = new Set(input.sources.map((s) => s.id));
  const parties = new Set(input.parties.map((p) => p.id));
  for (const name of duplicates(input.products)) problems.push(`products: ${name} is listed twice`);
  for (const name of duplicates(input.sources.map((s) => s.id))) problems.push(`sources: ${name} is listed twice`);
  for (const name of duplicates(input.parties.map((p) => p.id))) problems.push(`parties: ${name} is listed twice`);
  input.sources.forEach((s, i) => {
    for (const p of Object.keys(s.supply)) if (!products.has(p)) problems.push(`sources[${i}].supply.${p}: not in products`);
  });
  input.parties.forEach((party, i) => {
    for (const p of Object.keys(party.need)) if (!products.has(p)) problems.push(`parties[${i}].need.${p}: not in products`);
  });
  const routes = input.cost.map((c) => JSON.stringify([c.from, c.to]));
  input.cost.forEach((c, i) => {
    if (!sources.has(c.from)) problems.push(`cost[${i}].from: ${c.from} is not a source`);
    if (!parties.has(c.to)) problems.push(`cost[${i}].to: ${c.to} is not a party`);
    if (routes.indexOf(routes[i]!) !== i) problems.push(`cost[${i}]: the route ${c.from} → ${c.to} is listed twice`);
  });
  return problems;
};

/** Parses and checks an allocation request, listing every problem found in one error. */
export const checkAllocationInput = (raw: unknown): CheckedAllocationInput => {
  const parsed = allocationInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`));
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) throw invalid(problems);
  return parsed.data;
};
