/**
 * Differences between two pact versions, as data. Lists whose items have a
 * stable key — clauses (id), parties (code), escalation levels (level) —
 * are compared item by item under that key, so a moved clause is not
 * reported as a removal plus an addition. Everything else is compared as a
 * value. `applyDiff(a, diffPacts(a, b))` rebuilds `b`, which is how the
 * tests prove no change is lost.
 */
import type { Pact } from './model.ts';

export type DiffPath = string[];

export type DiffEntry =
  | { op: 'add'; path: DiffPath; value: unknown; /** position in the new list, for keyed lists */ index?: number }
  | { op: 'remove'; path: DiffPath; value: unknown }
  | { op: 'change'; path: DiffPath; before: unknown; after: unknown }
  | { op: 'reorder'; path: DiffPath; before: string[]; after: string[] };

/** The key of each keyed list, by the name of the field that holds it. */
export const LIST_KEYS: Readonly<Record<string, string>> = { clauses: 'id', parties: 'code', levels: 'level' };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const other = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === other.length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
};

/** Keys of a keyed list, or undefined when some item lacks the key or keys repeat (then it is a plain value). */
const keysOf = (list: unknown[], key: string): string[] | undefined => {
  const keys = list.map((item) => (isObject(item) && item[key] !== undefined ? String(item[key]) : undefined));
  if (keys.some((k) => k === undefined)) return undefined;
  return new Set(keys).size === keys.length ? (keys as string[]) : undefined;
};

const diffValue = (path: DiffPath, a: unknown, b: unknown, out: DiffEntry[]): void => {
  if (deepEqual(a, b)) return;
  if (isObject(a) && isObject(b)) {
    // The newer document's order reads best: a new key appears where it now stands.
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const key of keys) {
      const [before, after] = [a[key], b[key]];
      if (before === undefined && after !== undefined) out.push({ op: 'add', path: [...path, key], value: after });
      else if (before !== undefined && after === undefined) out.push({ op: 'remove', path: [...path, key], value: before });
      else diffValue([...path, key], before, after, out);
    }
    return;
  }
  const listKey = LIST_KEYS[path[path.length - 1] ?? ''];
  if (listKey && Array.isArray(a) && Array.isArray(b)) {
    const keysA = keysOf(a, listKey);
    const keysB = keysOf(b, listKey);
    if (keysA && keysB) return diffKeyed(path, a, b, keysA, keysB, out);
  }
  out.push({ op: 'change', path, before: a, after: b });
};

const diffKeyed = (path: DiffPath, a: unknown[], b: unknown[], keysA: string[], keysB: string[], out: DiffEntry[]) => {
  keysA.forEach((key, i) => {
    if (!keysB.includes(key)) out.push({ op: 'remove', path: [...path, key], value: a[i] });
  });
  keysA.forEach((key, i) => {
    const j = keysB.indexOf(key);
    if (j >= 0) diffValue([...path, key], a[i], b[j], out);
  });
  const commonA = keysA.filter((key) => keysB.includes(key));
  const commonB = keysB.filter((key) => keysA.includes(key));
  if (!deepEqual(commonA, commonB)) out.push({ op: 'reorder', path, before: commonA, after: commonB });
  keysB.forEach((key, j) => {
    if (!keysA.includes(key)) out.push({ op: 'add', path: [...path, key], value: b[j], index: j });
  });
};

export const diffPacts = (a: Pact, b: Pact): DiffEntry[] => {
  const out: DiffEntry[] = [];
  diffValue([], a, b, out);
  return out;
};

/** Finds the container of the last path segment, following keyed lists by key. */
const containerOf = (root: unknown, path: DiffPath): { holder: unknown; field: string; keyed?: string } => {
  let current = root;
  let keyedBy: string | undefined;
  for (const segment of path.slice(0, -1)) {
    current = step(current, segment, keyedBy);
    keyedBy = Array.isArray(current) ? LIST_KEYS[segment] : undefined;
  }
  const field = path[path.length - 1] ?? '';
  return keyedBy === undefined ? { holder: current, field } : { holder: current, field, keyed: keyedBy };
};

const step = (current: unknown, segment: string, keyedBy: string | undefined): unknown => {
  if (Array.isArray(current) && keyedBy) return current.find((item) => isObject(item) && String(item[keyedBy]) === segment);
  return isObject(current) ? current[segment] : undefined;
};

/** Applies entries made by diffPacts(a, b) to a copy of `a`; the result equals `b`. */
export const applyDiff = (a: Pact, entries: readonly DiffEntry[]): Pact => {
  const root = structuredClone(a) as unknown;
  const byOp = (op: DiffEntry['op']) => entries.filter((entry) => entry.op === op);
  for (const entry of [...byOp('remove'), ...byOp('change')]) {
    const { holder, field, keyed } = containerOf(root, entry.path);
    if (keyed && Array.isArray(holder)) {
      const index = holder.findIndex((item) => isObject(item) && String(item[keyed]) === field);
      if (entry.op === 'remove') holder.splice(index, 1);
      else if (entry.op === 'change') holder[index] = structuredClone(entry.after);
    } else if (isObject(holder)) {
      if (entry.op === 'remove') delete holder[field];
      else if (entry.op === 'change') holder[field] = structuredClone(entry.after);
    }
  }
  for (const entry of byOp('reorder')) {
    if (entry.op !== 'reorder') continue;
    const { holder, field } = containerOf(root, entry.path);
    const list = isObject(holder) ? holder[field] : undefined;
    const key = LIST_KEYS[field];
    if (!Array.isArray(list) || !key) continue;
    list.sort((x, y) => entry.after.indexOf(String((x as Json)[key])) - entry.after.indexOf(String((y as Json)[key])));
  }
  const adds = byOp('add').sort((x, y) => (x.op === 'add' && y.op === 'add' ? (x.index ?? 0) - (y.index ?? 0) : 0));
  for (const entry of adds) {
    if (entry.op !== 'add') continue;
    const { holder, field, keyed } = containerOf(root, entry.path);
    if (keyed && Array.isArray(holder)) holder.splice(entry.index ?? holder.length, 0, structuredClone(entry.value));
    else if (isObject(holder)) holder[field] = structuredClone(entry.value);
  }
  return root as Pact;
};
