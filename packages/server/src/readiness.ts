/**
 * Where a starting node is: it answers /healthz as soon as it listens, and
 * /readyz only once migrations and the first-start seed are done (seeding
 * years of demo history takes a while, and a supervisor should not restart a
 * node that is merely busy).
 */
export type ReadinessState = 'starting' | 'seeding' | 'ready' | 'failed';

export interface Readiness {
  state(): ReadinessState;
  detail(): string | null;
  set(state: ReadinessState, detail?: string): void;
}

export const createReadiness = (initial: ReadinessState = 'ready'): Readiness => {
  let current = initial;
  let note: string | null = null;
  return {
    state: () => current,
    detail: () => note,
    set(state, detail) {
      current = state;
      note = detail ?? null;
    },
  };
};
