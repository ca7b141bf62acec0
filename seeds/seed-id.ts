import { v5 as uuidv5 } from 'uuid';

const SEED_NAMESPACE = '5b7c1d0e-7a55-4f4e-9d55-2f1c6a3e9b10';

/** The same seed object gets the same id on every machine, so re-seeding updates instead of duplicating. */
export function seedId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, SEED_NAMESPACE);
}
