import { availableParallelism } from 'node:os';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { TurnQueue } from '#platform';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2 as Algorithm;

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane. */
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Password hashes computed at once in a process, hashing and checking alike: one per core, at most
 * two. Each holds its 19 MiB for as long as it runs, on a thread of libuv's pool (four threads),
 * which also serves file reads and writes. Without a limit, a crowd signing in at once kept all
 * four threads hashing (76 MiB, and uploads waiting for a thread to write their files); more than
 * one per core would not sign anyone in sooner, as hashing is all CPU. The others wait their turn.
 */
export const MAX_CONCURRENT_PASSWORD_HASHES = Math.max(1, Math.min(2, availableParallelism()));

const turns = new TurnQueue(MAX_CONCURRENT_PASSWORD_HASHES);

/** Checks a password against a stored hash, within a turn already taken. */
export type PasswordCheck = (hashed: string | undefined, password: string) => Promise<boolean>;

export function hashPassword(password: string): Promise<string> {
  return turns.run(() => hash(password, PASSWORD_HASH_OPTIONS));
}

/**
 * Runs `work` once a hashing turn is free, with `check`, which checks a password in that turn.
 * Take the turn before a database connection (a transaction): a sign-in waiting for its turn then
 * holds no connection that the requests of others need. `check` never waits for a turn of its own:
 * a task waiting for a second turn inside the first could wait forever.
 */
export function withPasswordCheck<T>(work: (check: PasswordCheck) => Promise<T>): Promise<T> {
  return turns.run(() => work(checkPassword));
}

/** The current use of the hashing turns. */
export function passwordHashingLoad(): { readonly running: number; readonly waiting: number } {
  return turns.load();
}

/** A hash of nothing anyone knows: unknown e-mails are checked against it, so they take as long as wrong passwords. */
let decoy: Promise<string> | undefined;

async function checkPassword(hashed: string | undefined, password: string): Promise<boolean> {
  // Computed once, in the turn of the first check that needs it (never in a turn of its own).
  decoy ??= hash(`decoy-${Math.random()}`, PASSWORD_HASH_OPTIONS);
  try {
    return await verify(hashed ?? (await decoy), password);
  } catch {
    return false;
  }
}
