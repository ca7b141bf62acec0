/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalogue, catalogues } from './catalogues';

const { en, ja } = catalogues;

function keys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

/** A key without its plural suffix: languages have different plural forms (Japanese only "other"). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const baseKeys = (catalogue: Catalogue) => [...new Set(keys(catalogue).map(base))].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the catalogues', () => {
  it('have the same keys in Japanese and English, none empty', () => {
    expect(baseKeys(ja)).toEqual(baseKeys(en));
    const text = (catalogue: Catalogue, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Catalogue)[part], catalogue);
    const empty = keys(en).filter((key) => String(text(en, key)).trim() === '' || String(text(ja, key)).trim() === '');
    expect(empty).toEqual([]);
  });

  it('hold every key the pages name literally', () => {
    const known = new Set(baseKeys(en));
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
      // Keys kept in tables, such as the names of event steps.
      for (const match of text.matchAll(/:\s*'((?:events|check)\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect([...used].filter((key) => !known.has(key)).sort()).toEqual([]);
  });
});
