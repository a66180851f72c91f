import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
};

const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the English and French dictionaries', () => {
  const english = flatten(en as Tree);
  const french = flatten(fr as Tree);

  it('have the same keys', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same parameters in each sentence', () => {
    for (const [key, text] of english) expect({ key, params: params(french.get(key) ?? '') }).toEqual({ key, params: params(text) });
  });

  it('leave no sentence empty', () => {
    for (const [key, text] of [...english, ...french]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});
