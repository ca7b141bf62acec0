import { randomUUID } from 'node:crypto';
import type { Role } from '#identity';
import type { NextOperation, Operation } from './load.js';

export interface BenchUser {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly organisationId: string | null;
}

/** How a target learns who calls: a bearer token for jointcall, a plain header for the baseline. */
export type Credentials = (user: BenchUser) => Record<string, string>;

export interface Draft {
  readonly id: string;
  readonly pi: BenchUser;
}

export interface PendingSide {
  readonly applicationId: string;
  readonly agencyId: string;
  readonly office: BenchUser;
}

export interface OpenAssignment {
  readonly id: string;
  readonly reviewer: BenchUser;
  readonly criteria: readonly { readonly id: string; readonly min: number; readonly max: number }[];
}

export interface OfficeView {
  readonly office: BenchUser;
  readonly callIds: readonly string[];
}

/**
 * What the scenarios work on, read from the generated data before the runs. Drafts to submit and
 * sides to approve are used up: each is taken once over the whole bench, whichever target takes it.
 */
export interface Fixtures {
  readonly editing: Draft[];
  readonly submitting: Draft[];
  readonly approving: PendingSide[];
  readonly offices: OfficeView[];
  readonly assignments: OpenAssignment[];
  readonly researchers: BenchUser[];
  readonly calls: readonly string[];
  readonly fields: readonly string[];
  readonly countries: readonly string[];
  /** The last version seen of each application and assignment being edited. */
  readonly versions: Map<string, number>;
}

export type ScenarioName = 'S1 deadline surge' | 'S2 office' | 'S3 review' | 'S4 browse';

export interface Scenario {
  readonly name: ScenarioName;
  readonly description: string;
  next(credentials: Credentials): NextOperation;
}

/** A small deterministic generator, so both targets see the same sequence of choices. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;

/** Takes the next item not already in flight, round robin, so no two requests edit one object at once. */
export function rotation<T>(items: readonly T[], key: (item: T) => string) {
  const busy = new Set<string>();
  const waiting: (() => void)[] = [];
  let cursor = 0;
  const take = (): T | undefined => {
    for (let tries = 0; tries < items.length; tries++) {
      const item = items[cursor++ % items.length]!;
      if (!busy.has(key(item))) {
        busy.add(key(item));
        return item;
      }
    }
    return undefined;
  };
  return {
    take,
    /** The next free item, once one is released if none is free now (first come, first served). */
    async takeWhenFree(): Promise<T> {
      for (;;) {
        const item = take();
        if (item) return item;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    release(item: T) {
      busy.delete(key(item));
      waiting.shift()?.();
    },
  };
}

function rememberVersion(versions: Map<string, number>, id: string, status: number, body: string): void {
  if (status !== 200 && status !== 409) return;
  const parsed = JSON.parse(body) as { version?: number; currentVersion?: number; review?: { version?: number } };
  const version = parsed.version ?? parsed.review?.version ?? parsed.currentVersion;
  if (typeof version === 'number') versions.set(id, version);
}

export type Rotation<T> = ReturnType<typeof rotation<T>>;

/**
 * A researcher saves a draft's abstract with If-Match on the version last seen, as the pages'
 * autosave does on deadline day: asking for the new version alone (Prefer: return=minimal).
 */
export function draftSave(f: Fixtures, drafts: Rotation<Draft>, draft: Draft, credentials: Credentials): Operation {
  const version = f.versions.get(draft.id) ?? 1;
  return {
    kind: 'updateApplication',
    method: 'PATCH',
    path: `/applications/${draft.id}`,
    headers: { ...credentials(draft.pi), 'if-match': `"${version}"`, prefer: 'return=minimal' },
    body: { abstract: `Revised on deadline day, version ${version + 1}.` },
    done: (status, body) => {
      rememberVersion(f.versions, draft.id, status, body);
      drafts.release(draft);
    },
  };
}

/** The PI submits a draft, with an Idempotency-Key as the pages send one. */
export function draftSubmit(draft: Draft, credentials: Credentials): Operation {
  return {
    kind: 'submitApplication',
    method: 'POST',
    path: `/applications/${draft.id}/submit`,
    headers: { ...credentials(draft.pi), 'idempotency-key': randomUUID() },
  };
}

/**
 * A page of the office's list as offices ask for it: 50 lines, filtered by status, call or field
 * (or not), now and then the next page of the same filter. `cursors` keeps the last page's cursor
 * of each filter, for one target.
 */
export function officeListPage(
  f: Fixtures,
  view: OfficeView,
  r: () => number,
  cursors: Map<string, string>,
  credentials: Credentials,
): Operation {
  const params = new URLSearchParams({ view: 'office', limit: '50' });
  const filter = r();
  if (filter < 0.3) params.set('status', pick(['draft', 'pending_institution', 'submitted', 'under_review'], r));
  else if (filter < 0.6 && view.callIds.length > 0) params.set('callId', pick(view.callIds, r));
  else if (filter < 0.8) params.set('field', pick(f.fields, r));
  const key = `${view.office.id}?${params.toString()}`;
  const cursor = cursors.get(key);
  if (cursor && r() < 0.5) params.set('cursor', cursor);
  return {
    kind: 'listApplications (office)',
    method: 'GET',
    path: `/applications?${params.toString()}`,
    headers: credentials(view.office),
    done: (status, body) => {
      if (status !== 200) return;
      const next = (JSON.parse(body) as { nextCursor: string | null }).nextCursor;
      if (next) cursors.set(key, next);
      else cursors.delete(key);
    },
  };
}

export function scenarios(f: Fixtures): Scenario[] {
  return [
    {
      name: 'S1 deadline surge',
      description: '70% draft saves with If-Match, 20% reads of one’s own application, 10% submits and approvals, by many signed-in users',
      next(credentials) {
        const r = random(1);
        const drafts = rotation(f.editing, (d) => d.id);
        let turn = 0;
        const read = (): Operation => {
          const draft = pick(f.editing, r);
          return { kind: 'getApplication', method: 'GET', path: `/applications/${draft.id}`, headers: credentials(draft.pi) };
        };
        return () => {
          const roll = r();
          if (roll < 0.7) {
            const draft = drafts.take();
            return draft ? draftSave(f, drafts, draft, credentials) : read();
          }
          if (roll < 0.9) return read();
          if (turn++ % 2 === 0) {
            const draft = f.submitting.shift();
            return draft ? draftSubmit(draft, credentials) : read();
          }
          const side = f.approving.shift();
          if (!side) return read();
          return {
            kind: 'approveApplicationSide',
            method: 'POST',
            path: `/applications/${side.applicationId}/sides/${side.agencyId}/approve`,
            headers: { ...credentials(side.office), 'idempotency-key': randomUUID() },
            body: { exportControlScreened: true, disclosuresReceived: true },
          };
        };
      },
    },
    {
      name: 'S2 office',
      description: 'research offices: 60% filtered, paged application lists, 30% the institution dashboard, 10% a call’s CSV export',
      next(credentials) {
        const r = random(2);
        const cursors = new Map<string, string>();
        return () => {
          const view = pick(f.offices, r);
          const headers = credentials(view.office);
          const roll = r();
          if (roll < 0.6) return officeListPage(f, view, r, cursors, credentials);
          if (roll < 0.9 || view.callIds.length === 0) {
            return { kind: 'getInstitutionDashboard', method: 'GET', path: '/dashboards/institution', headers };
          }
          return {
            kind: 'exportApplicationsCsv',
            method: 'GET',
            path: `/applications/export.csv?callId=${pick(view.callIds, r)}`,
            headers,
          };
        };
      },
    },
    {
      name: 'S3 review',
      description: 'reviewers: 40% their assignments, 40% reading an assigned application, 20% saving scores with If-Match',
      next(credentials) {
        const r = random(3);
        const open = rotation(f.assignments, (a) => a.id);
        return () => {
          const roll = r();
          if (roll < 0.4) {
            return {
              kind: 'listMyAssignments',
              method: 'GET',
              path: '/me/assignments',
              headers: credentials(pick(f.assignments, r).reviewer),
            };
          }
          const assignment = roll < 0.8 ? pick(f.assignments, r) : open.take();
          if (!assignment)
            return { kind: 'listMyAssignments', method: 'GET', path: '/me/assignments', headers: credentials(f.assignments[0]!.reviewer) };
          if (roll < 0.8) {
            return {
              kind: 'getAssignedApplication',
              method: 'GET',
              path: `/assignments/${assignment.id}/application`,
              headers: credentials(assignment.reviewer),
            };
          }
          const version = f.versions.get(assignment.id) ?? 1;
          return {
            kind: 'saveReview',
            method: 'PUT',
            path: `/assignments/${assignment.id}/review`,
            headers: { ...credentials(assignment.reviewer), 'if-match': `"${version}"` },
            body: {
              scores: Object.fromEntries(assignment.criteria.map((c) => [c.id, c.min + Math.floor(r() * (c.max - c.min + 1))])),
              comment: `Draft review, revision ${version + 1}.`,
            },
            done: (status, body) => {
              rememberVersion(f.versions, assignment.id, status, body);
              open.release(assignment);
            },
          };
        };
      },
    },
    {
      name: 'S4 browse',
      description: 'researchers: 60% filtered call lists, 40% a call’s details',
      next(credentials) {
        const r = random(4);
        return () => {
          const headers = credentials(pick(f.researchers, r));
          if (r() < 0.6) {
            const params = new URLSearchParams({ limit: '20' });
            params.set('status', pick(['open', 'open', 'announced', 'closed'], r));
            const filter = r();
            if (filter < 0.4) params.set('field', pick(f.fields, r));
            else if (filter < 0.7) params.set('partnerCountry', pick(f.countries, r));
            return { kind: 'listCalls', method: 'GET', path: `/calls?${params.toString()}`, headers };
          }
          return { kind: 'getCall', method: 'GET', path: `/calls/${pick(f.calls, r)}`, headers };
        };
      },
    },
  ];
}
