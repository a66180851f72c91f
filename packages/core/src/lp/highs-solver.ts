import highsPackage, { type Highs, type InitOptions } from 'highs';

/**
 * The HiGHS linear-programming solver (University of Edinburgh, compiled to
 * WebAssembly by the `highs` package). Instantiating the WebAssembly module
 * costs tens of milliseconds, so it is loaded once per process and shared by
 * every caller (suppression audit, stock allocation).
 */
type Loader = (options?: InitOptions) => Promise<Highs>;

// The package's declarations are read as CommonJS (its package.json says
// "type": "commonjs") while Node loads its ES module build, whose default
// export is the loader itself; accept both shapes.
const loader: Loader =
  typeof highsPackage === 'function' ? (highsPackage as Loader) : (highsPackage as { default: Loader }).default;

let loading: Promise<Highs> | undefined;

export const loadSolver = (): Promise<Highs> => {
  loading ??= loader();
  return loading;
};

/** Model statuses this code relies on, named as in `highs.constants.modelStatus`. */
export const MODEL_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
} as const;

/** Options every Concord solve uses: no solver log on stdout. */
export const QUIET = { output_flag: false } as const;
