import type { NextOperation, Operation } from './load.js';
import {
  type Credentials,
  type Draft,
  draftSave,
  draftSubmit,
  type Fixtures,
  officeListPage,
  pick,
  random,
  rotation,
} from './scenarios.js';

/** The operations measured one at a time, each with the very requests its scenario sends. */
export const OPERATION_NAMES = ['save', 'list', 'submit'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** jointcall's api; the same services and SQL without the framework (bench/baseline); the essential work only (bench/bare). */
export const OPERATION_TARGETS = ['jointcall', 'same-sql', 'bare'] as const;
export type OperationTarget = (typeof OPERATION_TARGETS)[number];

export interface MeasuredOperation {
  readonly name: OperationName;
  readonly description: string;
  /** The requests of one run against one target. */
  next(target: OperationTarget, credentials: Credentials): NextOperation;
  /**
   * For an operation that uses its fixtures up: how many requests a run sends (saturation runs
   * send that many instead of lasting their seconds; fixed-rate runs end sooner if need be) and how
   * many the warm-up sends. Undefined: runs last their seconds.
   */
  readonly perRun?: number;
  readonly warmup?: number;
}

/** Each target's own drafts to submit, as many for each: a draft is submitted once. */
export type SubmitShares = Readonly<Record<OperationTarget, Draft[]>>;

/**
 * Splits the drafts to submit into equal shares, one per target, and says how many submissions a
 * run of each sends: a warm-up of `warmup`, then `runs` runs.
 */
export function shareSubmits(
  pool: readonly Draft[],
  wanted: { readonly perRun: number; readonly warmup: number; readonly runs: number },
): { shares: SubmitShares; perRun: number; warmup: number } {
  const share = Math.floor(pool.length / OPERATION_TARGETS.length);
  const warmup = Math.min(wanted.warmup, Math.floor(share / (wanted.runs + 1)));
  const perRun = Math.min(wanted.perRun, Math.floor((share - warmup) / wanted.runs));
  const shares = Object.fromEntries(
    OPERATION_TARGETS.map((target, i) => [target, pool.slice(i * share, i * share + warmup + perRun * wanted.runs)]),
  ) as Record<OperationTarget, Draft[]>;
  return { shares, perRun, warmup };
}

/** A submission with nothing left to submit: every target answers it 404, so it shows as a failure. */
const NOTHING_LEFT: Operation = {
  kind: 'submitApplication (no draft left)',
  method: 'POST',
  path: '/applications/00000000-0000-0000-0000-000000000000/submit',
  headers: {},
};

export function measuredOperations(
  f: Fixtures,
  submits: { readonly shares: SubmitShares; readonly perRun: number; readonly warmup: number },
): MeasuredOperation[] {
  return [
    {
      name: 'save',
      description: 'a researcher saves a draft (PATCH /applications/{id}, If-Match, a new abstract), as in S1',
      next(_target, credentials) {
        const drafts = rotation(f.editing, (d) => d.id);
        // A researcher saves again only once the last save is answered (the pages queue their
        // writes): with every draft in flight, the save waits for one (at a fixed rate, timed from
        // when it was due) instead of going out with a stale If-Match.
        return () => {
          const draft = drafts.take();
          return draft
            ? draftSave(f, drafts, draft, credentials)
            : drafts.takeWhenFree().then((free) => draftSave(f, drafts, free, credentials));
        };
      },
    },
    {
      name: 'list',
      description:
        "an office reads a page of its institution's applications (GET /applications?view=office, 50 a page, filtered or not, following cursors), as in S2",
      next(_target, credentials) {
        const r = random(12);
        const cursors = new Map<string, string>();
        return () => officeListPage(f, pick(f.offices, r), r, cursors, credentials);
      },
    },
    {
      name: 'submit',
      description: 'a PI submits a draft (POST /applications/{id}/submit with an Idempotency-Key), each target its own drafts, as in S1',
      next(target, credentials) {
        const drafts = submits.shares[target];
        return () => {
          const draft = drafts.shift();
          return draft ? draftSubmit(draft, credentials) : { ...NOTHING_LEFT, headers: credentials(f.editing[0]!.pi) };
        };
      },
      perRun: submits.perRun,
      warmup: submits.warmup,
    },
  ];
}
