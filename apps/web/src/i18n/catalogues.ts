import en from './en.json';
import ja from './ja.json';

export type Catalogue = { readonly [key: string]: string | Catalogue };

/**
 * The texts of each language: the shared catalogue (./en.json, ./ja.json) and one per feature
 * (features/<feature>/messages.<language>.json), each feature's under its own top-level key so two
 * features never write into the same part. A top-level key defined twice is an error at start-up
 * and in the catalogue test, not a silent overwrite.
 */
function merge(language: 'en' | 'ja', shared: Catalogue, features: Record<string, unknown>): Catalogue {
  const merged: Record<string, string | Catalogue> = { ...shared };
  for (const [file, catalogue] of Object.entries(features)) {
    for (const [key, value] of Object.entries(catalogue as Catalogue)) {
      if (key in merged) throw new Error(`${file}: the ${language} catalogue already has "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}

export const catalogues = {
  en: merge('en', en, import.meta.glob('../features/*/messages.en.json', { eager: true, import: 'default' })),
  ja: merge('ja', ja, import.meta.glob('../features/*/messages.ja.json', { eager: true, import: 'default' })),
} as const;
