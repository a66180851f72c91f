/**
 * Reading a pact's source text with positions. JSON is a subset of YAML 1.2,
 * so the `yaml` package's document model reads both, and its node ranges and
 * LineCounter turn a path such as clauses[3].minCellSize back into the line
 * and column where the negotiator wrote it.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

export interface SyntaxProblem extends Position {
  message: string;
}

export interface PactSource {
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  syntax: SyntaxProblem[];
}

export const readSource = (text: string): PactSource => {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors.map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    return { line: at.line, column: at.col, message: error.message.split('\n')[0] ?? error.message };
  });
  return { text, document, lineCounter, syntax };
};

interface Located {
  key?: Node;
  value?: Node;
  /** How many path segments were found; fewer than the path means the tail is missing. */
  depth: number;
}

const resolve = (node: unknown, document: Document.Parsed): unknown =>
  isAlias(node) ? node.resolve(document) : node;

const walk = (document: Document.Parsed, path: readonly PathSegment[]): Located => {
  let current: Located = { value: (document.contents ?? undefined) as Node | undefined, depth: 0 };
  for (const segment of path) {
    const node = resolve(current.value, document);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return current;
      current = { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined, depth: current.depth + 1 };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return current;
      current = { value: item as Node, depth: current.depth + 1 };
    } else {
      return current;
    }
  }
  return current;
};

const startOf = (node: Node | undefined): number | undefined => node?.range?.[0];

/**
 * Where to point for `path`: the value when it exists and `prefer` is
 * 'value', else its key, else the nearest enclosing node. `offset` moves
 * inside a scalar (a CEL expression) when the scalar's source is that text.
 */
export const locate = (
  source: PactSource,
  path: readonly PathSegment[],
  prefer: 'key' | 'value' = 'value',
  offset?: number,
): Position => {
  const found = walk(source.document, path);
  const complete = found.depth === path.length;
  let start: number | undefined;
  if (complete && prefer === 'value') start = startOf(found.value) ?? startOf(found.key);
  else start = startOf(found.key) ?? startOf(found.value);
  if (complete && offset !== undefined && isScalar(found.value) && found.value.range) {
    const [from, to] = found.value.range;
    const raw = source.text.slice(from, to);
    const text = String(found.value.value);
    const at = raw.indexOf(text);
    if (at >= 0) start = from + at + offset;
  }
  const pos = source.lineCounter.linePos(start ?? 0);
  return { line: pos.line, column: pos.col };
};
