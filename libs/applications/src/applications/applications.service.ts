import { type SubmissionSubject, SubmissionParts } from '../submissions/submission-parts.js';
import { freezeProposal, SubmissionsRepository } from '../submissions/submissions.repository.js';
import { ExportColumns } from '../exports/export-columns.js';
import { exportLanguage, type ExportLanguage, FIXED_EXPORT_HEADERS } from '../rules/export-headers.js';
import type { FrozenParts } from '../rules/submission-snapshot.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CallRecord, CallsRepository, callStatus, decisionsVisible, inZone, parseInstant } from '#calls';
import { AccessService, officeInstitutionOf, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';
import { Notifier } from '#notifications';
import {
  Clock,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  NotFoundError,
  type Page,
  toPage,
  RuleViolationError,
  SqlParams,
  ValidationFailedError,
  toCsv,
  VersionMismatchError,
  wholeSeconds,
} from '#platform';
import {
  type AgencyAction,
  type ApplicationAction,
  type ApplicationEventAction,
  allowedActions,
  applicationStatus,
  isEditable,
  receiptFor,
  type Refusal,
  type SideState,
  transition,
} from '../rules/application-state.js';
import { type ChangeRecord, type NoticeContext, transitionNotices } from '../rules/application-notices.js';
import { type CallTerms, type SubmissionProblem, submissionProblems } from '../rules/submission-checks.js';
import { toApplicationDto, toApplicationSummaryDto } from './application-mapper.js';
import { ApplicationPermission } from './applications-access.repository.js';
import { isEditor } from '../rules/team.js';
import {
  type ApplicationRecord,
  ApplicationsRepository,
  type ContentEdit,
  DECISION_EVENT,
  type EventRow,
  type ExportRow,
  type MemberFields,
  type StepRecord,
  type StepWrite,
} from './applications.repository.js';
import type {
  ApplicationCheckDto,
  ApplicationDto,
  ApplicationEventDto,
  ApplicationSummaryDto,
  ApplicationVersionDto,
  ApproveSideDto,
  CreateApplicationDto,
  ExportApplicationsQueryDto,
  ExportLanguageQueryDto,
  InstitutionDeadlineResultDto,
  ListApplicationsQueryDto,
  MemberInputDto,
  UpdateApplicationDto,
  UpdateSideDto,
} from './dto/application.dto.js';

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly parts: SubmissionParts,
    private readonly submissions: SubmissionsRepository,
    private readonly exportColumns: ExportColumns,
  ) {}

  /** A draft for an open call and track; the creator becomes its PI, with one side per participating agency. */
  async create(principal: Principal, dto: CreateApplicationDto): Promise<ApplicationDto> {
    await this.access.require(principal, PERMISSIONS.calls.read, dto.callId, 'call');
    const call = await this.calls.load(dto.callId);
    if (!call) throw new NotFoundError('call');
    if (callStatus(call, this.clock.now()) !== 'open')
      throw new RuleViolationError('CALL_NOT_OPEN', 'Applications are made only while the call is open.');
    this.checkTrackAndField(call, dto.trackId, dto.fieldCode);
    const id = await this.applications.transaction(async (manager) => {
      const applicationId = await this.applications.insert(manager, call.id, principal.id, {
        trackId: dto.trackId,
        title: dto.title,
        abstract: dto.abstract ?? '',
        fieldCode: dto.fieldCode ?? null,
        keywords: dto.keywords ?? [],
        durationMonths: dto.durationMonths ?? null,
      });
      const me = await this.applications.profile(manager, principal.id);
      for (const agency of call.agencies) {
        const lead = agency.role === 'lead';
        await this.applications.insertSide(
          manager,
          applicationId,
          agency.agencyId,
          lead ? { piUserId: principal.id, institutionId: principal.organisationId } : {},
        );
      }
      await this.applications.insertMember(manager, applicationId, {
        userId: principal.id,
        name: me?.name ?? principal.email,
        email: me?.email ?? principal.email,
        orcid: me?.orcid ?? null,
        role: 'pi',
        earlyCareer: false,
        institutionId: principal.organisationId,
        country: me?.country ?? null,
      });
      await this.applications.refreshInstitutions(manager, applicationId);
      await this.event(manager, applicationId, principal, 'application.created', null, 'draft', null);
      return applicationId;
    });
    return this.get(principal, id);
  }

  /** The researcher's own (default), the office's institution's, or the applications the officer's agency received. */
  async list(principal: Principal, query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryDto>> {
    const view = query.view ?? 'mine';
    const office = officeInstitutionOf(principal);
    const agency = officerAgencyOf(principal);
    if ((view === 'office' && !office) || (view === 'agency' && !agency)) {
      throw new DomainError(
        'forbidden',
        'WRONG_VIEW',
        view === 'office' ? 'The office view is for institution admins.' : 'The agency view is for program officers.',
      );
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.applications.list(
      {
        view,
        userId: principal.id,
        office,
        agency,
        limit,
        ...(query.callId ? { callId: query.callId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.field ? { field: query.field } : {}),
        ...(query.deadlineFrom ? { deadlineFrom: new Date(query.deadlineFrom) } : {}),
        ...(query.deadlineTo ? { deadlineTo: new Date(query.deadlineTo) } : {}),
        ...(after ? { after: { createdAt: String(after[0]), id: String(after[1]) } } : {}),
      },
      principal,
    );
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (row) => [row.createdAt, row.id],
      (row) => toApplicationSummaryDto(row, now),
    );
  }

  /** The application with both access checks (may read it, may edit it) in the statement that reads it. */
  async get(principal: Principal, id: string): Promise<ApplicationDto> {
    const params = new SqlParams();
    const found = await this.applications.loadChecked(id, params, {
      readable: this.access.condition(principal, ApplicationPermission.read, params),
      editable: this.access.condition(principal, ApplicationPermission.edit, params),
    });
    if (!found?.checks.readable) throw new NotFoundError('application');
    return this.toDto(found.application, principal, found.checks.editable);
  }

  /**
   * Every application touching the office's institution, one row per side, as CSV for spreadsheets;
   * for one call, with a column per question of its form. The answers are those of each
   * application's latest submission, filled in only where the office may read that submission (the
   * office of one of its sides); an application its institution is only a team member of shows blank cells.
   */
  async exportCsv(principal: Principal, query: ExportApplicationsQueryDto): Promise<string> {
    const office = officeInstitutionOf(principal);
    if (!office) throw new DomainError('forbidden', 'WRONG_VIEW', 'The export is for institution admins.');
    // The questions of a call not yet published are its agencies' business.
    if (query.callId) await this.access.require(principal, PERMISSIONS.calls.read, query.callId, 'call');
    const language = exportLanguage(query.lang, query.lang ? undefined : await this.applications.userLanguage(principal.id));
    const rows = await this.applications.exportRows({ office }, query);
    return this.exportTable(rows, language, query.callId, (ids) =>
      this.access.allowed(principal, PERMISSIONS.applications.sideOffice, ids),
    );
  }

  /**
   * For the officers of an agency taking part in the call: the call's applications that reached their
   * agency, one row per side, with every answer of their latest submissions (agencies read them all).
   */
  async exportCallCsv(principal: Principal, callId: string, query: ExportLanguageQueryDto): Promise<string> {
    await this.access.require(principal, PERMISSIONS.calls.participate, callId, 'call');
    const agency = officerAgencyOf(principal);
    if (!agency) throw new NotFoundError('call');
    const language = exportLanguage(query.lang, query.lang ? undefined : await this.applications.userLanguage(principal.id));
    const rows = await this.applications.exportRows({ agency, callId });
    // The rows are those whose side of the agency reached it, which is what lets its officers read the submission.
    return this.exportTable(rows, language, callId, (ids) => Promise.resolve(new Set(ids)));
  }

  /** The fixed columns in the export's language, then, for one call, the columns other features add, from the latest submissions. */
  private async exportTable(
    rows: readonly ExportRow[],
    language: ExportLanguage,
    callId: string | undefined,
    readable: (applicationIds: readonly string[]) => Promise<ReadonlySet<string>>,
  ): Promise<string> {
    const columns = callId ? await this.exportColumns.columns(callId, language) : [];
    let submissions = new Map<string, FrozenParts>();
    if (columns.length > 0 && rows.length > 0) {
      // Who may read which submission is asked once for every application of the export, then every latest submission read at once.
      const allowed = await readable([...new Set(rows.map((r) => r.id))]);
      submissions = await this.submissions.latestParts([...allowed]);
    }
    const cells = (row: ExportRow): (string | null)[] => {
      const submission = submissions.get(row.id);
      return columns.map((column) => (submission ? column.cell(submission, row.agency_id) : null));
    };
    return toCsv(
      [...FIXED_EXPORT_HEADERS[language], ...columns.map((column) => column.header)],
      rows.map((row) => [...toCsvLine(row), ...cells(row)]),
    );
  }

  /** The office's own deadline for a call, earlier than the agencies', shown on its researchers' applications. */
  async setInstitutionDeadline(principal: Principal, callId: string, text: string): Promise<InstitutionDeadlineResultDto> {
    const office = officeInstitutionOf(principal);
    if (!office) throw new DomainError('forbidden', 'WRONG_VIEW', 'Only institution admins set internal deadlines.');
    await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    const call = await this.calls.load(callId);
    if (!call) throw new NotFoundError('call');
    const zone = (await this.applications.organisation(office))?.timeZone ?? 'UTC';
    const parsed = parseInstant(text, zone);
    if ('error' in parsed) throw new ValidationFailedError([{ field: 'deadline', message: `deadline ${parsed.error}` }]);
    const last = Math.max(...call.agencies.map((a) => a.deadline.getTime()));
    if (parsed.instant.getTime() >= last) {
      throw new ValidationFailedError([{ field: 'deadline', message: "deadline must be before the agencies' deadlines" }]);
    }
    await this.applications.setInstitutionDeadline(callId, office, parsed.instant, principal.id, wholeSeconds(this.clock.now()));
    return {
      callId,
      institutionId: office,
      deadline: { utc: parsed.instant.toISOString(), local: inZone(parsed.instant, zone), timeZone: zone },
    };
  }

  /**
   * A draft save: the edit check, the editable check, the version check, the write, its event and
   * the saved application in one statement (saveContent). Only a refusal asks, afterwards, which
   * check failed; a change of track or field is first checked against the call.
   */
  async update(principal: Principal, id: string, dto: UpdateApplicationDto, expectedVersion: number | undefined): Promise<ApplicationDto> {
    const saved = await this.saveContent(principal, id, dto, (edit) => this.applications.saveContent(id, dto, expectedVersion, edit));
    return this.toDto(saved, principal, true);
  }

  /** The same save, answering only the new version (Prefer: return=minimal, as the pages' autosave asks). */
  async updateMinimal(
    principal: Principal,
    id: string,
    dto: UpdateApplicationDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationVersionDto> {
    const version = await this.saveContent(principal, id, dto, (edit) =>
      this.applications.saveContentVersion(id, dto, expectedVersion, edit),
    );
    return { id, version };
  }

  /** A draft save in one statement (`save`), the edit rule checked inside it; a refusal is told apart afterwards. */
  private async saveContent<T>(
    principal: Principal,
    id: string,
    dto: UpdateApplicationDto,
    save: (edit: ContentEdit) => Promise<T | undefined>,
  ): Promise<T> {
    if (dto.trackId !== undefined || dto.fieldCode) {
      const current = await this.editableDraft(principal, id);
      const call = await this.calls.load(current.callId);
      if (call) this.checkTrackAndField(call, dto.trackId ?? current.trackId, dto.fieldCode);
    }
    const params = new SqlParams();
    const editor = this.access.condition(principal, ApplicationPermission.edit, params);
    const saved = await save({ actorId: principal.id, at: wholeSeconds(this.clock.now()), params, editor });
    if (saved !== undefined) return saved;
    // Refused: the same answers, in the same order, as the checks one by one.
    const current = await this.editableDraft(principal, id);
    throw new VersionMismatchError(current.version);
  }

  async updateSide(
    principal: Principal,
    id: string,
    agencyId: string,
    dto: UpdateSideDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationDto> {
    const current = await this.editableDraft(principal, id);
    if (!current.sides.some((s) => s.agencyId === agencyId)) throw new NotFoundError('side');
    if (dto.institutionId) {
      if ((await this.applications.organisation(dto.institutionId))?.kind !== 'institution')
        throw new ValidationFailedError([{ field: 'institutionId', message: 'institutionId must name an institution' }]);
    }
    await this.applications.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      if (!(await this.applications.touch(manager, id, expectedVersion)))
        throw new VersionMismatchError(await this.currentVersion(manager, id));
      await this.applications.updateSide(manager, id, agencyId, dto);
      await this.applications.refreshInstitutions(manager, id);
    });
    return this.get(principal, id);
  }

  /** `added`, when given, runs in the same transaction once the member is in (an invitation, say). */
  async addMember(
    principal: Principal,
    id: string,
    dto: MemberInputDto,
    expectedVersion: number | undefined,
    added?: (manager: EntityManager, memberId: string) => Promise<void>,
  ): Promise<ApplicationDto> {
    await this.editableDraft(principal, id);
    if (dto.role === 'pi')
      throw new RuleViolationError('ONE_PI', 'The application has its PI; add co-PIs, partner PIs or co-investigators.');
    await this.applications.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      if (!(await this.applications.touch(manager, id, expectedVersion)))
        throw new VersionMismatchError(await this.currentVersion(manager, id));
      const memberId = await this.applications.insertMember(manager, id, memberFields(dto));
      await this.applications.refreshInstitutions(manager, id);
      await added?.(manager, memberId);
    });
    return this.get(principal, id);
  }

  async updateMember(
    principal: Principal,
    id: string,
    memberId: string,
    dto: MemberInputDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationDto> {
    const current = await this.editableDraft(principal, id);
    const member = current.members.find((m) => m.id === memberId);
    if (!member) throw new NotFoundError('member');
    if ((member.role === 'pi') !== (dto.role === 'pi'))
      throw new RuleViolationError('ONE_PI', 'The PI stays the PI; no other member becomes one.');
    await this.applications.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      if (!(await this.applications.touch(manager, id, expectedVersion)))
        throw new VersionMismatchError(await this.currentVersion(manager, id));
      await this.applications.updateMember(manager, id, memberId, memberFields(dto));
      await this.applications.refreshInstitutions(manager, id);
    });
    return this.get(principal, id);
  }

  async removeMember(principal: Principal, id: string, memberId: string, expectedVersion: number | undefined): Promise<ApplicationDto> {
    const current = await this.editableDraft(principal, id);
    const member = current.members.find((m) => m.id === memberId);
    if (!member) throw new NotFoundError('member');
    if (member.role === 'pi') throw new RuleViolationError('ONE_PI', 'The PI cannot be removed.');
    await this.applications.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      if (!(await this.applications.touch(manager, id, expectedVersion)))
        throw new VersionMismatchError(await this.currentVersion(manager, id));
      await this.applications.deleteMember(manager, id, memberId);
      await this.applications.refreshInstitutions(manager, id);
    });
    return this.get(principal, id);
  }

  /** Every problem a submission now would be refused for, each once, without submitting: for the PI and co-PIs. */
  async check(principal: Principal, id: string): Promise<ApplicationCheckDto> {
    const application = await this.editable(principal, id);
    const call = await this.calls.load(application.callId);
    if (!call) throw new NotFoundError('call');
    const problems = [
      ...problemsOf(application, call, sideStates(application), this.clock.now()),
      ...(await this.parts.inspect(subjectOf(application), this.applications.manager)).problems,
    ];
    return { ready: problems.length === 0, problems };
  }

  /** Refused with the same problems as check, all at once: the state, each passed deadline, then the proposal against the call. */
  submit(principal: Principal, id: string): Promise<ApplicationDto> {
    return this.act(principal, id, { type: 'submit' }, async (application, call, sides, now, manager) => {
      // One read per part both checks and answers what is frozen: what is checked is what is frozen.
      const parts = await this.parts.inspect(subjectOf(application), manager);
      const problems = [...problemsOf(application, call, sides, now), ...parts.problems];
      if (problems.length > 0) throw submissionRefused(problems);
      return parts.frozen;
    });
  }

  approve(principal: Principal, id: string, agencyId: string, dto: ApproveSideDto): Promise<ApplicationDto> {
    const checked = dto.exportControlScreened && dto.disclosuresReceived;
    return this.act(principal, id, { type: 'approve', agencyId }, undefined, { checked, comment: dto.comment ?? null });
  }

  returnSide(principal: Principal, id: string, agencyId: string, comment: string): Promise<ApplicationDto> {
    return this.act(principal, id, { type: 'return', agencyId, comment }, undefined, { checked: false, comment });
  }

  reopen(principal: Principal, id: string): Promise<ApplicationDto> {
    return this.act(principal, id, { type: 'reopen' });
  }

  withdraw(principal: Principal, id: string): Promise<ApplicationDto> {
    return this.act(principal, id, { type: 'withdraw' });
  }

  /** The event log; what an agency decided shows to the applicants once the call's results are released. */
  async events(principal: Principal, id: string): Promise<ApplicationEventDto[]> {
    const application = await this.readable(principal, id);
    const results = await this.calls.resultsTimeline(application.callId);
    const agencies = application.sides.map((s) => s.agencyId);
    const decisionsShown = results !== undefined && decisionsVisible(officerAgencyOf(principal), agencies, results, this.clock.now());
    return (await this.applications.events(id)).map((row) => toEventDto(row, decisionsShown));
  }

  /**
   * One state change: the access check, then, in one transaction, the application locked and read
   * once, the pure rules deciding, and every side change, event, receipt, integrity check and
   * submission written in one statement (recordStep), the notices in one more (and their e-mail
   * jobs), at the server's time to the second. The answer is built from what was read and written,
   * without reading the application again.
   */
  private async act(
    principal: Principal,
    id: string,
    action: Exclude<ApplicationAction, AgencyAction>,
    precheck?: (
      application: ApplicationRecord,
      call: CallRecord,
      sides: readonly SideState[],
      now: Date,
      manager: EntityManager,
    ) => Promise<FrozenParts>,
    side?: { checked: boolean; comment: string | null },
  ): Promise<ApplicationDto> {
    const saved = await this.applications.transaction(async (manager) => {
      // Whether the caller may see it is checked as the lock is taken: a miss (404) locks nothing.
      const params = new SqlParams();
      const visible = this.access.condition(principal, ApplicationPermission.read, params);
      const application = await this.applications.loadForStep(manager, id, params, visible);
      if (!application) throw new NotFoundError('application');
      const now = this.clock.now();
      const at = wholeSeconds(now);
      const states = sideStates(application, side?.checked === true && 'agencyId' in action ? action.agencyId : undefined);
      const office = officeInstitutionOf(principal);
      const result = transition(
        states,
        action,
        { isPi: application.piUserId === principal.id, officeOf: new Set(office ? [office] : []) },
        now,
      );
      // A step the actor may take is checked whole, so that its refusal lists every problem at once.
      let parts: FrozenParts | undefined;
      if (precheck && (result.ok || result.refusal.code !== 'NOT_ALLOWED')) {
        const call = await this.calls.load(application.callId, manager);
        if (!call) throw new NotFoundError('call');
        parts = await precheck(application, call, states, now, manager);
      }
      if (!result.ok) throw refusalError(result.refusal);
      const step: StepWrite = {
        applicationId: id,
        actorId: principal.id,
        action: `application.${action.type}`,
        at,
        changes: result.changes.map((change) => ({
          ...change,
          comment: 'agencyId' in action && action.agencyId === change.agencyId ? (side?.comment ?? null) : null,
          receipt: receiptFor(change) ?? null,
        })),
        checkedSide: action.type === 'approve' ? action.agencyId : null,
        // What was submitted is frozen with its receipts, which name it.
        submission: action.type === 'submit' ? { proposal: freezeProposal(application), parts: parts ?? {} } : null,
        status: applicationStatus(result.sides),
      };
      const written = await this.applications.recordStep(manager, step);
      const records: ChangeRecord[] = step.changes.map((change) => {
        const receiptNumber = written.receipts.get(change.agencyId);
        return {
          agencyId: change.agencyId,
          from: change.from,
          to: change.to,
          eventId: written.events.get(change.agencyId)!,
          ...(receiptNumber ? { receiptNumber } : {}),
        };
      });
      await this.notifier.notify(manager, transitionNotices(noticeContext(application), action, records));
      return afterStep(application, step, written);
    });
    return this.toDto(saved, principal, isEditor(saved, principal.id));
  }

  /** On the transaction's own connection: the edit holds the application's lock, and the pool may be busy with edits waiting for it. */
  private async currentVersion(manager: EntityManager, id: string): Promise<number | undefined> {
    return this.applications.version(manager, id);
  }

  private toDto(application: ApplicationRecord, principal: Principal, mayEdit: boolean): ApplicationDto {
    const office = officeInstitutionOf(principal);
    const actor = { isPi: application.piUserId === principal.id, officeOf: new Set(office ? [office] : []), mayEdit };
    return toApplicationDto(
      application,
      application.sides.find((s) => s.role === 'lead')?.institutionDeadline ?? null,
      allowedActions(sideStates(application), actor, this.clock.now()),
    );
  }

  private async readable(principal: Principal, id: string): Promise<ApplicationRecord> {
    await this.access.require(principal, ApplicationPermission.read, id, 'application');
    const application = await this.applications.load(id);
    if (!application) throw new NotFoundError('application');
    return application;
  }

  /**
   * Editors (the PI, co-PIs) are on the team, so may read: one check answers the common case, and
   * only a miss asks whether the caller may read it at all (404) or only not edit it (403).
   */
  private async editable(principal: Principal, id: string): Promise<ApplicationRecord> {
    if (!(await this.access.allowed(principal, ApplicationPermission.edit, [id])).has(id)) {
      await this.access.require(principal, ApplicationPermission.read, id, 'application');
      throw new DomainError('forbidden', 'NOT_AN_EDITOR', 'Only the PI and co-PIs edit the application.');
    }
    const application = await this.applications.load(id);
    if (!application) throw new NotFoundError('application');
    return application;
  }

  /** An application the caller edits that is still a draft (or returned). */
  private async editableDraft(principal: Principal, id: string): Promise<ApplicationRecord> {
    const application = await this.editable(principal, id);
    if (!isEditable(application.sides)) throw notEditable();
    return application;
  }

  /**
   * Inside an edit's transaction: the application is locked and still editable. The check before the
   * transaction alone would let an edit that raced a submission change what was already submitted.
   */
  private async lockEditable(manager: EntityManager, id: string): Promise<void> {
    if (!isEditable(await this.applications.lockForEdit(manager, id))) throw notEditable();
  }

  private checkTrackAndField(call: CallRecord, trackId: string, fieldCode: string | null | undefined): void {
    const errors = [];
    if (!call.tracks.some((t) => t.id === trackId)) errors.push({ field: 'trackId', message: 'trackId must be a track of the call' });
    if (fieldCode && !call.fields.some((f) => f.code === fieldCode))
      errors.push({ field: 'fieldCode', message: 'fieldCode must be a field of the call' });
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  private event(
    manager: EntityManager,
    applicationId: string,
    principal: Principal,
    action: ApplicationEventAction,
    from: string | null,
    to: string | null,
    comment: string | null,
  ) {
    return this.applications.insertEvent(manager, {
      applicationId,
      agencyId: null,
      actorId: principal.id,
      action,
      from,
      to,
      comment,
      at: wholeSeconds(this.clock.now()),
    });
  }
}

/**
 * The application as a step left it, from the application read under the step's lock and what the
 * step wrote (recordStep): the same record a read after the commit gives.
 */
export function afterStep(application: ApplicationRecord, step: StepWrite, written: StepRecord): ApplicationRecord {
  const issued = step.changes.flatMap((change) => {
    const number = written.receipts.get(change.agencyId);
    return change.receipt && number ? [{ agencyId: change.agencyId, kind: change.receipt, number }] : [];
  });
  const sides = application.sides.map((s) => {
    const change = step.changes.find((c) => c.agencyId === s.agencyId);
    const received = issued.find((r) => r.agencyId === s.agencyId && r.kind === 'received_by_agency');
    const forgets = change !== undefined && (change.to === 'draft' || change.to === 'returned');
    const checked = s.agencyId === step.checkedSide;
    return {
      ...s,
      status: change?.to ?? s.status,
      exportControlCheckedAt: forgets ? null : checked ? step.at : s.exportControlCheckedAt,
      disclosuresReceivedAt: forgets ? null : checked ? step.at : s.disclosuresReceivedAt,
      receiptNumber: received ? received.number : s.receiptNumber,
      submittedAt: received ? step.at : s.submittedAt,
    };
  });
  const receipts = [
    ...application.receipts,
    ...issued.map((r) => ({
      number: r.number,
      kind: r.kind,
      agencyId: r.agencyId,
      agencyShortName: application.sides.find((s) => s.agencyId === r.agencyId)?.agencyShortName ?? '',
      issuedAt: step.at,
      submissionNumber: written.submissionNumber,
    })),
  ].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return { ...application, status: step.status, version: written.version, sides, receipts };
}

function subjectOf(application: ApplicationRecord): SubmissionSubject {
  return { applicationId: application.id, callId: application.callId, agencyIds: application.sides.map((s) => s.agencyId) };
}

export function noticeContext(application: ApplicationRecord): NoticeContext {
  return {
    id: application.id,
    title: application.title,
    callTitle: { en: application.callTitleEn, ja: application.callTitleJa },
    piUserId: application.piUserId,
    coPiUserIds: application.members.filter((m) => m.role === 'co_pi' && m.userId !== null).map((m) => m.userId!),
    sides: application.sides,
  };
}

/** A line of the CSV export, in the order of its header. */
function toCsvLine(r: ExportRow): (string | null)[] {
  return [
    r.id,
    r.call_title,
    r.title,
    r.status,
    r.pi_name,
    r.agency,
    r.side_status,
    r.institution,
    r.deadline.toISOString(),
    r.receipt_number,
    r.submitted_at?.toISOString() ?? null,
    r.budget_total,
    r.budget_currency?.trim() ?? null,
  ];
}

/** An event as its readers see it; `decisionsShown`: whether an agency's decision shows its comment yet. */
function toEventDto(e: EventRow, decisionsShown: boolean): ApplicationEventDto {
  return {
    id: String(e.id),
    action: e.action,
    agency: e.agency_short_name ?? null,
    actor: e.actor_id ? { id: e.actor_id, name: e.actor_name } : null,
    from: e.from_status,
    to: e.to_status,
    comment: e.action === DECISION_EVENT && !decisionsShown ? null : e.comment,
    fields: e.fields,
    receipt: e.receipt_number ? { kind: e.receipt_kind, number: e.receipt_number } : null,
    at: e.occurred_at.toISOString(),
  };
}

function memberFields(dto: MemberInputDto): MemberFields {
  return {
    userId: dto.userId ?? null,
    name: dto.name,
    email: dto.email ?? null,
    orcid: dto.orcid ?? null,
    role: dto.role,
    earlyCareer: dto.earlyCareer ?? false,
    institutionId: dto.institutionId ?? null,
    country: dto.country?.toUpperCase() ?? null,
  };
}

function notEditable(): DomainError {
  return new RuleViolationError('NOT_EDITABLE', 'Only a draft or returned application can change; reopen it first.');
}

/** The sides as the state rule sees them; `checkedNow`: the side whose office records its checks with this step. */
function sideStates(application: ApplicationRecord, checkedNow?: string): SideState[] {
  return application.sides.map((s) => ({
    agencyId: s.agencyId,
    agencyName: s.agencyShortName,
    timeZone: s.timeZone,
    institutionId: s.institutionId ?? '',
    status: s.status,
    approvalRequired: s.approvalRequired,
    deadline: s.deadline,
    integrityChecksRecorded: s.agencyId === checkedNow || (s.exportControlCheckedAt !== null && s.disclosuresReceivedAt !== null),
  }));
}

/** What stops the application's submission now: the one list that check answers and submit refuses with. */
function problemsOf(application: ApplicationRecord, call: CallRecord, sides: readonly SideState[], now: Date): SubmissionProblem[] {
  const terms: CallTerms = {
    mode: call.mode,
    agencies: call.agencies,
    track: call.tracks.find((t) => t.id === application.trackId) ?? { maxBudget: null, maxDurationMonths: 0, earlyCareerRequired: false },
    fields: call.fields.map((f) => f.code),
    eligibleCountries: call.eligibleCountries,
  };
  const content = {
    ...application,
    sides: application.sides.map((s) => ({ ...s, hasPi: s.piUserId !== null || (Boolean(s.piName) && Boolean(s.piEmail)) })),
  };
  return submissionProblems(sides, content, terms, now);
}

/** A refused submission, named after what stops it now (its state, a deadline) or else SUBMISSION_INCOMPLETE, with every problem. */
function submissionRefused(problems: readonly SubmissionProblem[]): DomainError {
  const [first] = problems;
  if (first && (first.code === 'WRONG_STATE' || first.code === 'DEADLINE_PASSED')) {
    return new RuleViolationError(first.code, first.message, problems);
  }
  return new RuleViolationError(
    'SUBMISSION_INCOMPLETE',
    'The application cannot be submitted yet; each problem is listed by field.',
    problems,
  );
}

function refusalError(refusal: Refusal): DomainError {
  switch (refusal.code) {
    case 'NOT_ALLOWED':
      return new DomainError('forbidden', 'NOT_ALLOWED', refusal.message);
    case 'NO_SUCH_SIDE':
      return new NotFoundError('side');
    case 'COMMENT_REQUIRED':
      return new ValidationFailedError([{ field: 'comment', message: refusal.message }]);
    default: {
      const { code, field, message, agencyId } = refusal;
      if (field === undefined) return new RuleViolationError(code, message);
      const problem = { code, field, message, ...(agencyId ? { agencyId } : {}) };
      return new RuleViolationError(code, message, [problem]);
    }
  }
}
