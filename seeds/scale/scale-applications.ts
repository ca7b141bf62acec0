import { type ApplicationAction, applicationStatus, receiptFor, type SideState, type SideStatus, transition } from '#applications';
import { BulkTable } from './bulk-insert.js';
import { hash32, Random, scaleId } from './random.js';
import { type Agency, type CallAgencyPlan, type CallPlan, DAY, KIND, type Researcher, type World } from './scale-world.js';
import {
  APPROACHES,
  ELIGIBILITY_REASON,
  GENERAL_THEMES,
  INELIGIBILITY_REASONS,
  RETURN_COMMENTS,
  REVIEW_COMMENTS,
  SETTINGS,
  THEMES,
} from './vocabulary.js';

const HOUR = 3_600;

/** The tables the applications fill, in the order their rows are sent. */
export function applicationTables() {
  return {
    applications: new BulkTable('applications', {
      id: 'uuid',
      call_id: 'uuid',
      track_id: 'uuid',
      pi_user_id: 'uuid',
      title: 'text',
      abstract: 'text',
      field_code: 'text',
      keywords: 'text[]',
      duration_months: 'int',
      status: 'text',
      created_at: 'time',
      updated_at: 'time',
      version: 'int',
    }),
    application_sides: new BulkTable('application_sides', {
      application_id: 'uuid',
      call_id: 'uuid',
      agency_id: 'uuid',
      status: 'text',
      pi_user_id: 'uuid',
      institution_id: 'uuid',
      budget_per_year: 'bigint[]',
      budget_currency: 'text',
      existing_grant_number: 'text',
      export_control_checked_at: 'time',
      disclosures_received_at: 'time',
      receipt_number: 'text',
      submitted_at: 'time',
      eligibility_reason: 'text',
    }),
    application_members: new BulkTable('application_members', {
      id: 'uuid',
      application_id: 'uuid',
      call_id: 'uuid',
      user_id: 'uuid',
      name: 'text',
      email: 'text',
      orcid: 'text',
      role: 'text',
      early_career: 'bool',
      institution_id: 'uuid',
      country: 'text',
    }),
    application_institutions: new BulkTable('application_institutions', {
      application_id: 'uuid',
      institution_id: 'uuid',
      call_id: 'uuid',
      status: 'text',
      created_at: 'time',
    }),
    application_events: new BulkTable('application_events', {
      application_id: 'uuid',
      agency_id: 'uuid',
      actor_id: 'uuid',
      action: 'text',
      from_status: 'text',
      to_status: 'text',
      comment: 'text',
      occurred_at: 'time',
    }),
    application_receipts: new BulkTable('application_receipts', {
      number: 'text',
      application_id: 'uuid',
      agency_id: 'uuid',
      kind: 'text',
      issued_at: 'time',
    }),
    review_assignments: new BulkTable('review_assignments', {
      id: 'uuid',
      application_id: 'uuid',
      reviewer_id: 'uuid',
      agency_id: 'uuid',
      status: 'text',
      due_at: 'time',
      assigned_by: 'uuid',
      assigned_at: 'time',
      scores: 'jsonb',
      comment: 'text',
      submitted_at: 'time',
      version: 'int',
    }),
    side_decisions: new BulkTable('side_decisions', {
      application_id: 'uuid',
      agency_id: 'uuid',
      call_id: 'uuid',
      institution_id: 'uuid',
      decision: 'text',
      amount: 'bigint',
      currency: 'text',
      decided_by: 'uuid',
      decided_at: 'time',
    }),
  };
}

export type ApplicationTables = ReturnType<typeof applicationTables>;

/** The random stream of one application of a call; the first draw is its creation time. */
function applicationRandom(seed: number, call: CallPlan, ordinal: number): Random {
  return new Random(hash32(seed, KIND.application, call.index, ordinal));
}

function createdAt(random: Random, call: CallPlan, now: number): number {
  const start = call.opensAt + HOUR;
  const end = call.phase === 'open' ? now - 6 * HOUR : call.firstDeadline - 12 * HOUR;
  // More proposals are started as the deadline comes closer.
  return start + Math.floor((end - start) * Math.pow(random.float(), 0.7));
}

/**
 * Every application as (call, ordinal within the call), sorted by creation time, so the rows go
 * in the order the application would have written them.
 */
export function planApplications(
  world: World,
  seed: number,
  now: number,
): { call: Uint16Array; ordinal: Uint32Array; created: Float64Array } {
  const total = world.calls.reduce((sum, c) => sum + c.applications, 0);
  const call = new Uint16Array(total);
  const ordinal = new Uint32Array(total);
  const created = new Float64Array(total);
  let k = 0;
  for (const c of world.calls) {
    for (let j = 0; j < c.applications; j++, k++) {
      call[k] = c.index;
      ordinal[k] = j;
      created[k] = createdAt(applicationRandom(seed, c, j), c, now);
    }
  }
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => created[a]! - created[b]! || a - b);
  const sorted = { call: new Uint16Array(total), ordinal: new Uint32Array(total), created: new Float64Array(total) };
  order.forEach((from, to) => {
    sorted.call[to] = call[from]!;
    sorted.ordinal[to] = ordinal[from]!;
    sorted.created[to] = created[from]!;
  });
  return sorted;
}

interface Side {
  readonly plan: CallAgencyPlan;
  readonly pi: Researcher;
  status: SideStatus;
  readonly budget: readonly number[];
  readonly currency: string | null;
  readonly grant: string | null;
  checkedAt: number | null;
  receipt: string | null;
  submittedAt: number | null;
  reason: string | null;
}

interface Member {
  readonly person: Researcher;
  readonly role: 'pi' | 'co_pi' | 'partner_pi' | 'co_investigator';
  earlyCareer: boolean;
}

/**
 * Writes applications, one at a time, into the tables: their sides, team, institutions, event log
 * and, past the deadline, eligibility, reviews and decisions. Every change of a side goes through
 * the application's own state machine (`transition`), as the API would make it, at times between
 * the call's opening, its deadlines and `now`.
 */
export class ApplicationGenerator {
  private members = 0;
  private assignments = 0;
  /** Last receipt number issued (application_receipt_seq). */
  receipt: number;

  constructor(
    private readonly world: World,
    private readonly seed: number,
    private readonly now: number,
    private readonly tables: ApplicationTables,
    lastReceipt: number,
  ) {
    this.receipt = lastReceipt;
  }

  generate(call: CallPlan, ordinal: number, index: number): void {
    const random = applicationRandom(this.seed, call, ordinal);
    const created = createdAt(random, call, this.now);
    const id = scaleId(KIND.application, index);
    const t = this.tables;
    const now = this.now;

    // Content.
    const track = call.tracks[random.weighted(call.trackWeights)]!;
    const field = random.pick(call.fields);
    const maxYears = Math.floor(track.maxDurationMonths / 12);
    const years = random.int(Math.min(2, maxYears), maxYears);
    const themes = THEMES[field] ?? GENERAL_THEMES;
    const theme = random.pick(themes);
    const title = `${random.pick(APPROACHES)} ${theme} ${random.pick(SETTINGS)}`;
    const quality = random.float();

    // Team: the PI leads the lead agency's side; each partner side has its own PI in the agency's country.
    const taken: number[] = [];
    const pick = (country: string): Researcher | undefined => {
      const [start, end] = this.world.researchersIn.get(country) ?? [0, 0];
      for (let tries = 0; tries < 8 && end > start; tries++) {
        const n = random.int(start, end - 1);
        if (!taken.includes(n)) {
          taken.push(n);
          return this.world.researchers[n];
        }
      }
      return undefined;
    };
    const sides: Side[] = call.agencies.map((plan) => {
      const pi = pick(plan.agency.country.code);
      if (!pi) throw new Error(`scale data: no researcher left in ${plan.agency.country.code}`);
      const { budget, currency, grant } = this.budget(random, call, plan, track.maxBudget, years);
      return { plan, pi, status: 'draft', budget, currency, grant, checkedAt: null, receipt: null, submittedAt: null, reason: null };
    });
    const pi = sides[0]!.pi;
    const leadCountry = call.agencies[0]!.agency.country.code;
    const team: Member[] = [{ person: pi, role: 'pi', earlyCareer: false }];
    if (random.chance(0.3)) {
      const coPi = pick(leadCountry);
      if (coPi) team.push({ person: coPi, role: 'co_pi', earlyCareer: random.chance(0.1) });
    }
    for (const side of sides.slice(1)) team.push({ person: side.pi, role: 'partner_pi', earlyCareer: random.chance(0.1) });
    for (let k = random.pick([0, 1, 1, 2, 2, 3]); k > 0; k--) {
      const country = random.chance(0.6) ? leadCountry : random.pick(sides.slice(1)).plan.agency.country.code;
      const person = pick(country);
      if (person) team.push({ person, role: 'co_investigator', earlyCareer: random.chance(0.2) });
    }
    if (track.earlyCareerRequired && !team.some((m) => m.earlyCareer)) team[random.int(1, team.length - 1)]!.earlyCareer = true;

    const countries = [...new Set(sides.map((s) => s.pi.institution.country.nameEn))];
    const abstract =
      `This ${years}-year project links teams in ${countries.join(', ')} to work on ${theme}. ` +
      `The partners combine complementary methods and shared data, with a joint work plan and regular exchanges. ` +
      `Early-career researchers spend research stays at the partner institutions.`;
    const keywords = `{"${theme}","${random.pick(themes)}","${field}"}`;

    // History.
    let version = 1 + team.length + sides.length;
    const editing = random.int(HOUR, 3 * DAY);
    let updated = created;
    let at = created;
    const events = t.application_events;
    events.add(id, null, pi.id, 'application.created', null, 'draft', null, created);
    const office = (side: Side): string => this.world.offices[side.pi.institution.index]!.id;
    const officer = (agency: Agency): string => agency.officers[random.int(0, 1)]!.id;
    /** A moment after `at` and before `limit`, about halfway at most. */
    const step = (limit: number): number => {
      at = Math.min(limit - 1, at + 60 + Math.floor((limit - at) * 0.5 * random.float()));
      return at;
    };
    const act = (action: ApplicationAction, actor: string, when: number): void => {
      const target = 'agencyId' in action ? sides.find((s) => s.plan.agency.id === action.agencyId) : undefined;
      const states: SideState[] = sides.map((s) => ({
        agencyId: s.plan.agency.id,
        agencyName: s.plan.agency.shortName,
        timeZone: s.plan.agency.country.timeZone,
        institutionId: s.pi.institution.id,
        status: s.status,
        approvalRequired: s.plan.approvalRequired,
        deadline: s.plan.deadlineDate,
        integrityChecksRecorded: (action.type === 'approve' && s === target) || s.checkedAt !== null,
      }));
      const result = transition(
        states,
        action,
        { isPi: actor === pi.id, officeOf: new Set(target ? [target.pi.institution.id] : []) },
        new Date(when * 1000),
      );
      if (!result.ok) throw new Error(`scale data: ${action.type} of ${id} refused: ${result.refusal.message}`);
      if (action.type === 'approve') target!.checkedAt = when;
      for (const change of result.changes) {
        const side = sides.find((s) => s.plan.agency.id === change.agencyId)!;
        side.status = change.to;
        if (change.to === 'draft' || change.to === 'returned') side.checkedAt = null;
        const kind = receiptFor(change);
        if (kind) {
          const receipt = `JC-${new Date(when * 1000).getUTCFullYear()}-${String(++this.receipt).padStart(6, '0')}`;
          t.application_receipts.add(receipt, id, change.agencyId, kind, when);
          if (kind === 'received_by_agency') {
            side.receipt = receipt;
            side.submittedAt = when;
          }
        }
        const comment = side === target && action.type === 'return' ? action.comment : null;
        events.add(id, change.agencyId, actor, `application.${action.type}`, change.from, change.to, comment, when);
      }
      version++;
      updated = when;
    };
    const pending = () => sides.filter((s) => s.status === 'pending_institution');
    const returnOne = (limit: number) => {
      const side = pending()[0]!;
      act({ type: 'return', agencyId: side.plan.agency.id, comment: random.pick(RETURN_COMMENTS) }, office(side), step(limit));
    };
    const submitWithApprovals = (limit: number, approve: boolean) => {
      if (random.chance(0.08)) {
        // Returned once by the office, corrected and submitted again.
        act({ type: 'submit' }, pi.id, step(limit));
        returnOne(limit);
      }
      act({ type: 'submit' }, pi.id, step(limit));
      if (approve) for (const side of pending()) act({ type: 'approve', agencyId: side.plan.agency.id }, office(side), step(limit));
    };

    if (call.phase === 'open') {
      const limit = now - 60;
      const u = random.float();
      if (u < 0.52) {
        if (random.chance(0.1)) {
          act({ type: 'submit' }, pi.id, step(limit));
          act({ type: 'reopen' }, pi.id, step(limit));
        }
      } else if (u < 0.57) {
        act({ type: 'submit' }, pi.id, step(limit));
        returnOne(limit);
      } else if (u < 0.82) {
        submitWithApprovals(limit, false);
      } else if (u < 0.97) {
        submitWithApprovals(limit, true);
      } else {
        if (random.chance(0.5)) act({ type: 'submit' }, pi.id, step(limit));
        act({ type: 'withdraw' }, pi.id, step(limit));
      }
    } else {
      submitWithApprovals(call.firstDeadline - 60, true);
      if (random.chance(0.06)) {
        act({ type: 'withdraw' }, pi.id, step(Math.min(now - 60, call.lastDeadline + 10 * DAY)));
      } else {
        this.agencyWork(random, call, id, sides, team, quality, officer, (when) => {
          version++;
          updated = Math.max(updated, when);
        });
      }
    }
    // Without a state change, the last edit of the content is the last change.
    if (updated === created) updated = Math.min(created + editing, (call.phase === 'open' ? now : call.firstDeadline) - 60);

    const status = applicationStatus(sides);
    t.applications.add(id, call.id, track.id, pi.id, title, abstract, field, keywords, years * 12, status, created, updated, version);
    for (const s of sides) {
      t.application_sides.add(
        id,
        call.id,
        s.plan.agency.id,
        s.status,
        s.pi.id,
        s.pi.institution.id,
        `{${s.budget.join(',')}}`,
        s.currency,
        s.grant,
        s.checkedAt,
        s.checkedAt,
        s.receipt,
        s.submittedAt,
        s.reason,
      );
    }
    const institutions = new Set<string>();
    for (const m of team) {
      const p = m.person;
      t.application_members.add(
        scaleId(KIND.member, this.members++),
        id,
        call.id,
        p.id,
        p.name,
        p.email,
        p.orcid,
        m.role,
        m.earlyCareer,
        p.institution.id,
        p.institution.country.code,
      );
      institutions.add(p.institution.id);
    }
    for (const s of sides) institutions.add(s.pi.institution.id);
    for (const institution of institutions) t.application_institutions.add(id, institution, call.id, status, created);
  }

  /** The side's budget within the track's and the agency's caps (none in twinning, which names a funded project). */
  private budget(
    random: Random,
    call: CallPlan,
    plan: CallAgencyPlan,
    trackCap: { amount: number; currency: string } | null,
    years: number,
  ): { budget: number[]; currency: string | null; grant: string | null } {
    const agency = plan.agency;
    if (call.mode === 'twinning') {
      const year = new Date(call.opensAt * 1000).getUTCFullYear() - random.int(1, 3);
      const serial = String(random.int(1, 99_999)).padStart(5, '0');
      const grant = agency.shortName === 'JSPS' ? `${String(year % 100)}H${serial}` : `${agency.shortName}-${year}-${serial}`;
      return { budget: [], currency: null, grant };
    }
    const currency = agency.country.currency;
    const caps = [plan.budgetCap, trackCap].filter((c) => c !== null && c.currency === currency).map((c) => c!.amount);
    if (caps.length === 0) throw new Error(`scale data: no budget cap in ${currency} for ${agency.shortName}`);
    const cap = Math.min(...caps);
    let unit = 1000 * 10 ** agency.country.minorDigits;
    if (cap / years < unit) unit = 10 ** agency.country.minorDigits;
    const most = Math.floor(cap / years / unit);
    const least = Math.max(1, Math.floor(most * 0.3));
    return { budget: Array.from({ length: years }, () => random.int(least, most) * unit), currency, grant: null };
  }

  /** Past the deadline: each agency checks eligibility, assigns reviewers and, once the call is decided, decides its side. */
  private agencyWork(
    random: Random,
    call: CallPlan,
    id: string,
    sides: Side[],
    team: readonly Member[],
    quality: number,
    officer: (agency: Agency) => string,
    changed: (when: number) => void,
  ): void {
    const t = this.tables;
    const checkBefore = Math.min(this.now, call.reviewStartsAt) - HOUR;
    const checked = sides.filter(() => call.phase !== 'closed' || random.chance(0.6));
    const ineligible = checked.length > 0 && random.chance(call.phase === 'closed' ? 0.05 : 0.08) ? random.pick(checked) : undefined;
    for (const side of checked) {
      const when = call.lastDeadline + random.int(HOUR, Math.max(HOUR + 1, Math.min(10 * DAY, checkBefore - call.lastDeadline)));
      const to: SideStatus = side === ineligible ? 'ineligible' : 'eligible';
      side.reason = side === ineligible ? random.pick(INELIGIBILITY_REASONS) : ELIGIBILITY_REASON;
      t.application_events.add(
        id,
        side.plan.agency.id,
        officer(side.plan.agency),
        'application.eligibility',
        'submitted',
        to,
        side.reason,
        when,
      );
      side.status = to;
      changed(when);
    }
    if (ineligible || call.phase === 'closed' || (call.phase === 'in_review' && random.chance(0.1))) return;

    // Reviews: in a joint call every agency reviews its own side (two or three reviewers in all);
    // otherwise the lead agency reviews and the partners confirm.
    const institutions = new Set([...team.map((m) => m.person.institution.index), ...sides.map((s) => s.pi.institution.index)]);
    const used = new Set<number>();
    const reviewing = call.mode === 'joint_call' ? sides : [sides[0]!];
    const total = call.mode === 'joint_call' && sides.length === 3 ? 3 : random.int(2, 3);
    const decided = call.phase === 'decided';
    sides.forEach((side, i) => {
      if (!reviewing.includes(side)) return;
      const count = call.mode !== 'joint_call' ? total : sides.length === 3 ? 1 : i === 0 ? total - 1 : 1;
      let assigned = 0;
      for (let k = 0; k < count; k++) {
        const reviewer = this.pickReviewer(random, side.plan.pool, institutions, used);
        if (reviewer === undefined) continue;
        const assignedAt = call.reviewStartsAt + random.int(0, 48 * HOUR);
        const dueAt = call.reviewStartsAt + 30 * DAY;
        const r = random.float();
        const status = decided || r < 0.9 ? 'accepted' : 'assigned';
        const submitted = decided || r < 0.7;
        const submittedAt = submitted ? Math.min(assignedAt + random.int(DAY, 25 * DAY), this.now - HOUR) : null;
        const scores = submitted || (status === 'accepted' && random.chance(0.5)) ? this.scores(random, call, quality, submitted) : null;
        t.review_assignments.add(
          scaleId(KIND.assignment, this.assignments++),
          id,
          reviewer,
          side.plan.agency.id,
          status,
          dueAt,
          officer(side.plan.agency),
          assignedAt,
          scores,
          submitted ? random.pick(REVIEW_COMMENTS) : scores ? '' : null,
          submittedAt,
          status === 'assigned' ? 1 : submitted ? 3 : scores ? 3 : 2,
        );
        assigned++;
      }
      if (assigned > 0) side.status = 'under_review';
    });
    if (!decided) return;

    const lead = sides[0]!;
    const leadYes = quality > 0.72;
    for (const side of sides) {
      const yes =
        call.mode === 'joint_call'
          ? quality + (random.float() - 0.5) * 0.1 > 0.7
          : call.mode === 'co_funding'
            ? side === lead
              ? leadYes
              : leadYes && random.chance(0.9)
            : quality + (random.float() - 0.5) * 0.2 > 0.45;
      const when = call.decisionAt - random.int(DAY, 10 * DAY);
      const by = officer(side.plan.agency);
      const amount = yes && side.currency !== null ? side.budget.reduce((a, b) => a + b, 0) : null;
      const institution = side.pi.institution.id;
      t.side_decisions.add(
        id,
        side.plan.agency.id,
        call.id,
        institution,
        yes ? 'yes' : 'no',
        amount,
        amount === null ? null : side.currency,
        by,
        when,
      );
      t.application_events.add(
        id,
        side.plan.agency.id,
        by,
        'application.decision',
        side.status,
        'decided',
        yes ? 'funded' : 'not funded',
        when,
      );
      side.status = 'decided';
      changed(when);
    }
  }

  /** A reviewer of the agency's pool from none of the team's institutions, not already on this application. */
  private pickReviewer(random: Random, pool: readonly number[], institutions: ReadonlySet<number>, used: Set<number>): string | undefined {
    for (let tries = 0; tries < 20 && pool.length > 0; tries++) {
      const n = random.pick(pool);
      const reviewer = this.world.reviewers[n]!;
      if (used.has(n) || institutions.has(reviewer.institution.index)) continue;
      used.add(n);
      return reviewer.id;
    }
    return undefined;
  }

  /** Scores on the call's criteria that follow the proposal's quality; a saved draft review may have only some. */
  private scores(random: Random, call: CallPlan, quality: number, complete: boolean): string {
    const entries: string[] = [];
    for (const c of call.criteria) {
      if (!complete && random.chance(0.5)) continue;
      const level = Math.min(1, Math.max(0, quality + (random.float() - 0.5) * 0.4));
      entries.push(`"${c.id}": ${c.scaleMin + Math.round((c.scaleMax - c.scaleMin) * level)}`);
    }
    return `{${entries.join(', ')}}`;
  }
}
