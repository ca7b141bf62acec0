import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessService, officerAgencyOf, type Principal } from '#identity';
import {
  AuditLog,
  Clock,
  ConflictError,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  type FieldError,
  NotFoundError,
  type Page,
  toPage,
  RuleViolationError,
  ValidationFailedError,
  VersionMismatchError,
  wholeSeconds,
} from '#platform';
import { callActions } from '../rules/call-actions.js';
import { callStatus } from '../rules/call-status.js';
import { announcementAtPublication } from '../rules/call-timeline.js';
import { type CallDraft, validateCall, validateCallChange } from '../rules/call-validation.js';
import { parseInstant } from '../rules/zoned-time.js';
import { toCallDto, toCallSummaryDto } from './call-mapper.js';
import { CallPermission } from './calls-access.repository.js';
import {
  type AgencyEntry,
  type CallRecord,
  type CallShared,
  CallsRepository,
  type CriterionRow,
  type TrackRow,
} from './calls.repository.js';
import type { CreateCallDto, CriterionInputDto, TrackInputDto } from './dto/call-input.dto.js';
import type { CallDto, CallSummaryDto, ListCallsQueryDto } from './dto/call-output.dto.js';
import type { UpdateCallDto } from './dto/update-call.dto.js';

const SHARED_KEYS = [
  'titleJa',
  'titleEn',
  'summaryJa',
  'summaryEn',
  'mode',
  'tracks',
  'fields',
  'eligibleCountries',
  'criteria',
  'announcedAt',
  'opensAt',
  'reviewStartsAt',
  'decisionAt',
  'projectStartOn',
] as const;

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, dto: CreateCallDto, requestId: string): Promise<CallDto> {
    const programAgencyId = await this.calls.programAgency(dto.programId);
    if (programAgencyId === undefined) throw new ValidationFailedError([{ field: 'programId', message: 'programId names no program' }]);
    if (officerAgencyOf(principal) !== programAgencyId) {
      throw new DomainError('forbidden', 'NOT_PROGRAM_AGENCY', "Only program officers of the program's agency create its calls.");
    }
    const known = await this.calls.agencies(dto.agencies.map((a) => a.agencyId));
    const errors: FieldError[] = [];
    dto.agencies.forEach((a, i) => {
      if (!known.has(a.agencyId))
        errors.push({ field: `agencies[${i}].agencyId`, message: `agencies[${i}].agencyId is not a funding agency` });
    });
    const entries = dto.agencies.map((a) => {
      const timeZone = a.timeZone ?? known.get(a.agencyId)?.timeZone ?? 'UTC';
      return {
        agencyId: a.agencyId,
        role: a.role,
        deadline: readInstant(a.deadline, timeZone),
        timeZone,
        budgetCap: a.budgetCap ?? null,
        institutionApprovalRequired: a.institutionApprovalRequired ?? true,
        reviewOnceFinal: a.reviewOnceFinal ?? false,
        eligibilityNotesJa: a.eligibilityNotesJa ?? '',
        eligibilityNotesEn: a.eligibilityNotesEn ?? '',
      };
    });
    const leadZone = entries.find((e) => e.role === 'lead')?.timeZone ?? 'UTC';
    const shared = readShared(dto, leadZone);
    const tracks = dto.tracks.map(toTrackRow);
    const criteria = (dto.criteria ?? []).map(toCriterionRow);
    const draft: CallDraft = { ...shared, programAgencyId, agencies: entries, tracks, criteria, fields: dto.fields };
    errors.push(...validateCall(draft, await this.calls.knownFieldCodes()));
    if (errors.length > 0) throw new ValidationFailedError(errors, 'The call has problems; each is listed by field.');

    const id = await this.db.transaction(async (manager) => {
      const callId = await this.calls.insertCall(manager, dto.programId, asInstants(shared), principal.id);
      for (const [index, entry] of entries.entries()) {
        await this.calls.insertAgency(manager, callId, { ...entry, deadline: entry.deadline as Date }, index);
      }
      await this.calls.refreshDeadlines(manager, callId);
      await this.calls.replaceTracks(manager, callId, tracks);
      await this.calls.replaceCriteria(manager, callId, criteria);
      await this.calls.replaceFields(manager, callId, dto.fields);
      await this.audit.record(manager, { actorId: principal.id, action: 'call.created', objectType: 'call', objectId: callId, requestId });
      return callId;
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateCallDto,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<CallDto> {
    await this.access.require(principal, CallPermission.read, id, 'call');
    if (!(await this.access.allowed(principal, CallPermission.participate, [id])).has(id)) {
      throw new DomainError('forbidden', 'NOT_YOUR_AGENCY', 'Only program officers of the agencies taking part change the call.');
    }
    const changesShared = SHARED_KEYS.some((key) => dto[key] !== undefined);
    if (changesShared && !(await this.access.allowed(principal, CallPermission.lead, [id])).has(id)) {
      throw new DomainError('forbidden', 'LEAD_AGENCY_ONLY', "Only the lead agency's program officers change the call's shared fields.");
    }
    const own = officerAgencyOf(principal);
    for (const patch of dto.agencies ?? []) {
      if (patch.agencyId !== own) {
        throw new DomainError('forbidden', 'NOT_YOUR_AGENCY', "Each agency's entry is changed only by that agency's program officers.");
      }
    }
    await this.db.transaction(async (manager) => {
      const call = await this.calls.load(id, manager, true);
      if (!call) throw new NotFoundError('call');
      if (call.cancelledAt !== null) throw new RuleViolationError('CALL_CANCELLED', 'A cancelled call cannot change.');
      if (dto.mode !== undefined && dto.mode !== call.mode && call.publishedAt !== null) {
        throw new RuleViolationError('MODE_FIXED', 'The cooperation mode of a published call cannot change.');
      }
      const errors: FieldError[] = [];
      const agencies: (Omit<AgencyEntry, 'deadline'> & { deadline: Date | string })[] = call.agencies.map((entry) => ({ ...entry }));
      (dto.agencies ?? []).forEach((patch, i) => {
        const index = agencies.findIndex((a) => a.agencyId === patch.agencyId);
        const current = agencies[index];
        if (!current) {
          errors.push({ field: `agencies[${i}].agencyId`, message: `agencies[${i}].agencyId does not take part in this call` });
          return;
        }
        const timeZone = patch.timeZone ?? current.timeZone;
        agencies[index] = {
          ...current,
          timeZone,
          deadline: patch.deadline !== undefined ? readInstant(patch.deadline, timeZone) : current.deadline,
          budgetCap: patch.budgetCap === undefined ? current.budgetCap : patch.budgetCap,
          institutionApprovalRequired: patch.institutionApprovalRequired ?? current.institutionApprovalRequired,
          reviewOnceFinal: patch.reviewOnceFinal ?? current.reviewOnceFinal,
          eligibilityNotesJa: patch.eligibilityNotesJa ?? current.eligibilityNotesJa,
          eligibilityNotesEn: patch.eligibilityNotesEn ?? current.eligibilityNotesEn,
        };
      });
      const leadZone = agencies.find((a) => a.role === 'lead')?.timeZone ?? 'UTC';
      const shared = mergeShared(call, dto, leadZone);
      const tracks = dto.tracks?.map(toTrackRow) ?? call.tracks;
      const criteria = dto.criteria?.map(toCriterionRow) ?? call.criteria;
      const fields = dto.fields ?? call.fields.map((f) => f.code);
      const draft: CallDraft = { ...shared, programAgencyId: call.programAgencyId, agencies, tracks, criteria, fields };
      const current: CallDraft = { ...call, fields: call.fields.map((f) => f.code) };
      errors.push(...validateCallChange(current, draft, await this.calls.knownFieldCodes()));
      if (errors.length > 0) throw new ValidationFailedError(errors, 'The call has problems; each is listed by field.');

      for (const patch of dto.agencies ?? []) {
        const entry = agencies.find((a) => a.agencyId === patch.agencyId);
        if (entry) await this.calls.updateAgency(manager, id, { ...entry, deadline: entry.deadline as Date });
      }
      if (dto.tracks) await this.calls.replaceTracks(manager, id, tracks);
      if (dto.criteria) await this.calls.replaceCriteria(manager, id, criteria);
      if (dto.fields) await this.calls.replaceFields(manager, id, fields);
      if (!(await this.calls.updateShared(manager, id, asInstants(shared), expectedVersion))) throw new VersionMismatchError(call.version);
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'call.updated',
        objectType: 'call',
        objectId: id,
        requestId,
        data: { shared: SHARED_KEYS.filter((key) => dto[key] !== undefined), agencies: (dto.agencies ?? []).map((a) => a.agencyId) },
      });
    });
    return this.get(principal, id);
  }

  async publish(principal: Principal, id: string, expectedVersion: number | undefined, requestId: string): Promise<CallDto> {
    await this.requireLead(principal, id);
    await this.db.transaction(async (manager) => {
      const call = await this.calls.load(id, manager, true);
      if (!call) throw new NotFoundError('call');
      if (call.cancelledAt !== null) throw new RuleViolationError('CALL_CANCELLED', 'A cancelled call cannot be published.');
      if (call.publishedAt !== null) throw new ConflictError('ALREADY_PUBLISHED', 'The call is already published.');
      if (call.criteria.length === 0) {
        throw new RuleViolationError('CALL_INCOMPLETE', 'A call needs its review criteria before it is published.', [
          { field: 'criteria', message: 'criteria must list at least one review criterion' },
        ]);
      }
      const at = wholeSeconds(this.clock.now());
      if (!(await this.calls.setPublished(manager, id, at, announcementAtPublication(call, at), expectedVersion))) {
        throw new VersionMismatchError(call.version);
      }
      await this.audit.record(manager, { actorId: principal.id, action: 'call.published', objectType: 'call', objectId: id, requestId });
    });
    return this.get(principal, id);
  }

  async cancel(principal: Principal, id: string, reason: string, expectedVersion: number | undefined, requestId: string): Promise<CallDto> {
    await this.requireLead(principal, id);
    await this.db.transaction(async (manager) => {
      const call = await this.calls.load(id, manager, true);
      if (!call) throw new NotFoundError('call');
      if (call.cancelledAt !== null) throw new ConflictError('ALREADY_CANCELLED', 'The call is already cancelled.');
      if (!(await this.calls.setCancelled(manager, id, wholeSeconds(this.clock.now()), reason, expectedVersion)))
        throw new VersionMismatchError(call.version);
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'call.cancelled',
        objectType: 'call',
        objectId: id,
        requestId,
        data: { reason },
      });
    });
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string, tz?: string): Promise<CallDto> {
    await this.access.require(principal, CallPermission.read, id, 'call');
    const call = await this.calls.load(id);
    if (!call) throw new NotFoundError('call');
    const now = this.clock.now();
    const [viewerZone, watching, leads, participates] = await Promise.all([
      tz ?? this.calls.viewerTimeZone(principal.id),
      this.calls.isWatching(principal.id, id),
      this.access.allowed(principal, CallPermission.lead, [id]),
      this.access.allowed(principal, CallPermission.participate, [id]),
    ]);
    const actor = { leads: leads.has(id.toLowerCase()), participates: participates.has(id.toLowerCase()) };
    const viewer = { allowedActions: callActions(call, actor), ownAgencyId: actor.participates ? officerAgencyOf(principal) : null };
    return toCallDto(call, callStatus(call, now), now, viewerZone, watching, viewer);
  }

  /** Calls in order of their next deadline; the cursor keeps the instant the first page was read at, so pages stay consistent. */
  async list(principal: Principal, query: ListCallsQueryDto): Promise<Page<CallSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let asOf = this.clock.now();
    let after: { nextDeadline: Date | null; id: string } | undefined;
    if (query.cursor) {
      const [asOfText, nextText, id] = decodeCursor(query.cursor, 3);
      asOf = new Date(String(asOfText));
      after = { nextDeadline: nextText === null ? null : new Date(String(nextText)), id: String(id) };
      if (Number.isNaN(asOf.getTime()) || (after.nextDeadline && Number.isNaN(after.nextDeadline.getTime()))) {
        throw new ValidationFailedError([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
      }
    }
    // The viewer's zone is their own setting, read on the primary (they may just have changed it).
    const [{ rows, heads, agencies, fields }, viewerZone] = await Promise.all([
      this.calls.listPage(
        { userId: principal.id, officerAgencyId: officerAgencyOf(principal) },
        {
          asOf,
          limit,
          ...(after ? { after } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.field ? { field: query.field } : {}),
          ...(query.partnerCountry ? { partnerCountry: query.partnerCountry.toUpperCase() } : {}),
          ...(query.agencyId ? { agencyId: query.agencyId } : {}),
          ...(query.mode ? { mode: query.mode } : {}),
          ...(query.deadlineFrom ? { deadlineFrom: new Date(query.deadlineFrom) } : {}),
          ...(query.deadlineTo ? { deadlineTo: new Date(query.deadlineTo) } : {}),
          ...(query.q ? { q: query.q } : {}),
        },
        principal,
      ),
      query.tz ?? this.calls.viewerTimeZone(principal.id),
    ]);
    return toPage(
      rows,
      limit,
      (row) => [asOf.toISOString(), row.nextDeadline?.toISOString() ?? null, row.id],
      (row) => {
        const head = heads.get(row.id);
        if (!head) throw new Error(`call ${row.id} listed without its head row`);
        const codes = (fields.get(row.id) ?? []).map((f) => f.code);
        return toCallSummaryDto(head, agencies.get(row.id) ?? [], codes, row.status, row.nextDeadline, viewerZone);
      },
    );
  }

  async watch(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, CallPermission.read, id, 'call');
    await this.calls.watch(principal.id, id, wholeSeconds(this.clock.now()));
  }

  async unwatch(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, CallPermission.read, id, 'call');
    await this.calls.unwatch(principal.id, id);
  }

  private async requireLead(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, CallPermission.read, id, 'call');
    if (!(await this.access.allowed(principal, CallPermission.lead, [id])).has(id)) {
      throw new DomainError('forbidden', 'LEAD_AGENCY_ONLY', "Only the lead agency's program officers do this.");
    }
  }
}

type SharedDraft = Omit<CallShared, 'announcedAt' | 'opensAt' | 'reviewStartsAt' | 'decisionAt'> & {
  readonly announcedAt: Date | string | null;
  readonly opensAt: Date | string;
  readonly reviewStartsAt: Date | string | null;
  readonly decisionAt: Date | string | null;
};

/** A date read in a zone, or the reason it could not be: validateCall reports it under its field. */
function readInstant(text: string, zone: string): Date | string {
  const parsed = parseInstant(text, zone);
  return 'instant' in parsed ? parsed.instant : parsed.error;
}

function readOptional(text: string | null | undefined, zone: string): Date | string | null {
  return text === null || text === undefined ? null : readInstant(text, zone);
}

function readShared(dto: CreateCallDto, zone: string): SharedDraft {
  return {
    titleJa: dto.titleJa,
    titleEn: dto.titleEn,
    summaryJa: dto.summaryJa ?? '',
    summaryEn: dto.summaryEn ?? '',
    mode: dto.mode,
    eligibleCountries: dto.eligibleCountries,
    announcedAt: readOptional(dto.announcedAt, zone),
    opensAt: readInstant(dto.opensAt, zone),
    reviewStartsAt: readOptional(dto.reviewStartsAt, zone),
    decisionAt: readOptional(dto.decisionAt, zone),
    projectStartOn: dto.projectStartOn ?? null,
  };
}

function mergeShared(call: CallRecord, dto: UpdateCallDto, zone: string): SharedDraft {
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  const date = (value: string | null | undefined, current: Date | null) => (value === undefined ? current : readOptional(value, zone));
  return {
    titleJa: pick(dto.titleJa, call.titleJa),
    titleEn: pick(dto.titleEn, call.titleEn),
    summaryJa: pick(dto.summaryJa, call.summaryJa),
    summaryEn: pick(dto.summaryEn, call.summaryEn),
    mode: pick(dto.mode, call.mode),
    eligibleCountries: pick(dto.eligibleCountries, call.eligibleCountries),
    announcedAt: date(dto.announcedAt, call.announcedAt),
    opensAt: dto.opensAt === undefined ? call.opensAt : readInstant(dto.opensAt, zone),
    reviewStartsAt: date(dto.reviewStartsAt, call.reviewStartsAt),
    decisionAt: date(dto.decisionAt, call.decisionAt),
    projectStartOn: pick(dto.projectStartOn, call.projectStartOn),
  };
}

/** After validation every date is an instant. */
function asInstants(shared: SharedDraft): CallShared {
  return shared as CallShared;
}

function toTrackRow(t: TrackInputDto): TrackRow {
  return {
    code: t.code,
    nameJa: t.nameJa,
    nameEn: t.nameEn,
    maxBudget: t.maxBudget ?? null,
    maxDurationMonths: t.maxDurationMonths,
    earlyCareerRequired: t.earlyCareerRequired ?? false,
  };
}

function toCriterionRow(c: CriterionInputDto): CriterionRow {
  return {
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    descriptionJa: c.descriptionJa ?? '',
    descriptionEn: c.descriptionEn ?? '',
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    weight: c.weight,
    threshold: c.threshold ?? null,
  };
}
