import type { AllocationInput } from './stock.types.ts';

/**
 * The allocation form as the node's body. Needs are typed one per line,
 * "KE oral-cholera-vaccine 4000" (party, product, quantity); left empty,
 * the node takes them from the pending sharing requests. Lines that cannot
 * be read are returned with their number so the form can say which, and
 * nothing is sent until they are fixed.
 */
export interface AllocationFormState {
  products: string[];
  needs: string;
  floor: string;
  createRequests: boolean;
  reason: string;
}

export type AllocationBody = { ok: true; body: AllocationInput } | { ok: false; badLines: number[] };

export const parseNeeds = (text: string): { needs: Record<string, Record<string, number>>; badLines: number[] } => {
  const needs: Record<string, Record<string, number>> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const [party, product, quantity, ...rest] = line.split(/\s+/);
    const value = Number(quantity);
    if (rest.length > 0 || !party || !/^[A-Z]{2,8}$/.test(party) || !product || !Number.isFinite(value) || value < 0) {
      badLines.push(index + 1);
      return;
    }
    (needs[party] ??= {})[product] = (needs[party][product] ?? 0) + value;
  });
  return { needs, badLines };
};

export const allocationBody = (form: AllocationFormState): AllocationBody => {
  const { needs, badLines } = parseNeeds(form.needs);
  if (badLines.length > 0) return { ok: false, badLines };
  const typed = Object.keys(needs).length > 0;
  const floor = form.floor.trim() === '' ? undefined : Number(form.floor);
  return {
    ok: true,
    body: {
      products: form.products,
      ...(typed ? { needs } : {}),
      ...(floor !== undefined ? { floor } : {}),
      ...(form.createRequests ? { createRequests: true } : {}),
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    },
  };
};
