import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationsRepository,
  isEditable,
  type PartInspection,
  type SubmissionPart,
  type SubmissionSubject,
  SubmissionsRepository,
} from '#applications';
import { type CallRecord, CallsRepository, callStatus } from '#calls';
import { DocumentsService } from '#documents';
import { AccessService, PERMISSIONS, type Principal } from '#identity';
import { Clock, DomainError, type FieldError, NotFoundError, ValidationFailedError, VersionMismatchError, wholeSeconds } from '#platform';
import { type AnswerProblem, validateAnswers } from '../rules/answer-validation.js';
import { checkFormDefinition, type FormDefinition, type FormDefinitionProblem, type Question } from '../rules/form-definition.js';
import { compileAnswersSchema } from '../rules/form-schema.js';
import { formEdit, questionChanges } from '../rules/form-versions.js';
import type { ApplicationAnswersDto, CallFormDto, PutCallFormDto, SubmittedAnswersDto } from './dto/forms.dto.js';
import { FormsRepository } from './forms.repository.js';

/**
 * Call forms: the lead agency's officers define the questions (a version frozen once the call
 * opens), applicants answer them in their drafts (on the version they began with), and a
 * submission checks the answers and freezes them.
 */
@Injectable()
export class FormsService implements SubmissionPart {
  readonly name = 'answers';

  constructor(
    private readonly forms: FormsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly submissions: SubmissionsRepository,
    private readonly documents: DocumentsService,
  ) {}

  async form(principal: Principal, callId: string): Promise<CallFormDto> {
    await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    const call = await this.calls.load(callId);
    if (!call) throw new NotFoundError('call');
    const form = await this.forms.form(callId);
    const agencies = call.agencies.map((a) => a.agencyId);
    return {
      version: form?.version ?? null,
      frozen: form !== undefined && this.opened(call),
      questions: plain(form?.questions ?? []),
      ...schemas(form?.questions ?? [], agencies),
    };
  }

  async putForm(principal: Principal, callId: string, dto: PutCallFormDto, newVersion: boolean): Promise<CallFormDto> {
    await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    await this.access.require(principal, PERMISSIONS.calls.lead, callId, 'call');
    const definition = { questions: dto.questions };
    const problems = checkFormDefinition(definition);
    if (problems.length === 0) problems.push(...(await this.unknownRequirements(callId, (definition as FormDefinition).questions)));
    if (problems.length > 0) throw new ValidationFailedError(problems.map((p) => ({ field: p.path, message: p.message })));
    const call = await this.calls.load(callId);
    if (!call) throw new NotFoundError('call');
    const edit = formEdit((await this.forms.form(callId)) ?? null, this.opened(call), newVersion);
    if (!edit.ok) throw new DomainError('rule_violation', edit.code, edit.message);
    await this.forms.saveForm(callId, edit.version, edit.action, (definition as FormDefinition).questions, principal.id);
    return this.form(principal, callId);
  }

  /** Open (or past): applicants may be answering, so the form is frozen. */
  private opened(call: CallRecord): boolean {
    return !['draft', 'announced'].includes(callStatus(call, this.clock.now()));
  }

  /** A document question names a current document requirement of its own call. */
  private async unknownRequirements(callId: string, questions: readonly Question[]): Promise<FormDefinitionProblem[]> {
    const named = questions.flatMap((q) => (q.documentRequirementId ? [q.documentRequirementId] : []));
    if (named.length === 0) return [];
    const known = await this.documents.requirementsOfCall(callId, named);
    return questions.flatMap((q, index) =>
      q.documentRequirementId && !known.has(q.documentRequirementId)
        ? [{ path: `questions[${index}].documentRequirementId`, message: 'is not a document requirement of this call' }]
        : [],
    );
  }

  /** For the team: the draft's answers, on its own version of the form, with what a later version changed. */
  async answers(principal: Principal, applicationId: string): Promise<ApplicationAnswersDto> {
    await this.access.require(principal, PERMISSIONS.applications.team, applicationId, 'application');
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    const [saved, latest] = await Promise.all([this.forms.answers(applicationId), this.forms.form(application.callId)]);
    const own = saved && saved.formVersion !== latest?.version ? await this.forms.form(application.callId, saved.formVersion) : latest;
    const questions = own?.questions ?? [];
    return {
      version: saved?.version ?? 0,
      formVersion: own?.version ?? null,
      latestVersion: latest?.version ?? null,
      answers: saved?.answers ?? {},
      questions: plain(questions),
      ...schemas(
        questions,
        application.sides.map((s) => s.agencyId),
      ),
      changes:
        own && latest && own.version !== latest.version
          ? questionChanges(own.questions, latest.questions).map(({ key, change }) => ({ key, change }))
          : [],
    };
  }

  /**
   * Saves a draft's answers (incomplete is fine; each given answer must be valid), on the draft's own
   * form version, if they are still at `expectedVersion` (the If-Match; undefined for `*`): a co-PI's
   * save since then answers 409 with the current version, and nothing is overwritten.
   */
  async putAnswers(
    principal: Principal,
    applicationId: string,
    answers: Record<string, unknown>,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAnswersDto> {
    if ((await this.access.allowed(principal, PERMISSIONS.applications.edit, [applicationId])).size === 0) {
      await this.access.require(principal, PERMISSIONS.applications.read, applicationId, 'application');
      throw new DomainError('forbidden', 'NOT_AN_EDITOR', 'Only the PI and co-PIs answer the form.');
    }
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    await this.forms.transaction(async (manager) => {
      if (!isEditable(await this.applications.lockForEdit(manager, applicationId))) {
        throw new DomainError('rule_violation', 'NOT_EDITABLE', 'The application is submitted; reopen it to change its answers.');
      }
      const saved = await this.forms.answers(applicationId, manager);
      const form = await this.forms.form(application.callId, saved?.formVersion, manager);
      if (!form) throw new DomainError('rule_violation', 'NO_FORM', 'The call asks no questions of its own.');
      const schema = compileAnswersSchema(
        { questions: form.questions },
        application.sides.map((s) => s.agencyId),
        'draft',
      );
      const problems = validateAnswers(schema, answers);
      if (problems.length > 0) throw new ValidationFailedError(problems.map(fieldError));
      const now = wholeSeconds(this.clock.now());
      if ((await this.forms.saveAnswers(manager, applicationId, form.version, answers, principal.id, now, expectedVersion)) === undefined) {
        throw new VersionMismatchError(await this.forms.answersVersion(manager, applicationId));
      }
    });
    return this.answers(principal, applicationId);
  }

  /**
   * The answers of the latest submission, as its reader may read them: the team, the office of a
   * side and the agencies read every answer; a reviewer only those the form lets reviewers read.
   */
  async submittedAnswers(principal: Principal, applicationId: string): Promise<SubmittedAnswersDto> {
    // Each permission asked once: who reads the submission, and whether only as a reviewer.
    const [team, office, agency, reviewer] = await Promise.all(
      [
        PERMISSIONS.applications.team,
        PERMISSIONS.applications.sideOffice,
        PERMISSIONS.applications.agencySide,
        PERMISSIONS.reviews.readAsReviewer,
      ].map((permission) => this.access.allowed(principal, permission, [applicationId])),
    );
    if (team!.size + office!.size + agency!.size + reviewer!.size === 0) throw new NotFoundError('application');
    const onlyReviewer = team!.size + office!.size + agency!.size === 0;
    const submission = await this.submissions.get(applicationId);
    if (!submission) throw new NotFoundError('submission');
    const frozen = submission.parts.answers;
    const application = await this.applications.load(applicationId);
    const form = frozen && application ? await this.forms.form(application.callId, frozen.formVersion) : undefined;
    const questions = (form?.questions ?? []).filter((q) => !onlyReviewer || q.visibility === 'reviewers');
    return {
      submissionNumber: submission.number,
      formVersion: frozen?.formVersion ?? null,
      questions: plain(questions),
      answers: visibleAnswers(frozen?.answers ?? {}, new Set(questions.map((q) => q.key))),
    };
  }

  /**
   * SubmissionPart: every missing or invalid answer, by question key, against the draft's own form
   * version, and the answers as submitted with that version.
   */
  async inspect(subject: SubmissionSubject, manager: EntityManager): Promise<PartInspection> {
    const { answers: saved, form } = await this.forms.submissionState(subject.applicationId, subject.callId, manager);
    if (!form) return { problems: [], frozen: {} };
    const schema = compileAnswersSchema({ questions: form.questions }, subject.agencyIds, 'submit');
    const problems = validateAnswers(schema, saved?.answers ?? {}).map((p) => ({
      code: p.code,
      field: p.field,
      message: p.message.en,
      ...(p.agencyId ? { agencyId: p.agencyId } : {}),
    }));
    return { problems, frozen: { answers: { formVersion: form.version, answers: saved?.answers ?? {} } } };
  }
}

/** Only the answers to the given questions, in the answers' own shape. */
function visibleAnswers(answers: Readonly<Record<string, unknown>>, keys: ReadonlySet<string>): Record<string, unknown> {
  const only = (part: unknown): Record<string, unknown> =>
    part !== null && typeof part === 'object' ? Object.fromEntries(Object.entries(part).filter(([key]) => keys.has(key))) : {};
  const sides = answers['sides'];
  return {
    proposal: only(answers['proposal']),
    sides: Object.fromEntries(
      Object.entries(sides !== null && typeof sides === 'object' ? sides : {}).map(([agency, part]) => [agency, only(part)]),
    ),
  };
}

function schemas(questions: readonly Question[], agencies: readonly string[]) {
  return {
    draftSchema: compileAnswersSchema({ questions }, agencies, 'draft'),
    submitSchema: compileAnswersSchema({ questions }, agencies, 'submit'),
  };
}

function plain(questions: readonly Question[]): Record<string, unknown>[] {
  return questions.map((q) => ({ ...q }));
}

/** A problem as problem+json reports it: the field, its English message, and the key, code and Japanese message beside. */
function fieldError(problem: AnswerProblem): FieldError {
  const error: FieldError & { code: string; key: string; messageJa: string } = {
    field: problem.field,
    message: problem.message.en,
    code: problem.code,
    key: problem.key,
    messageJa: problem.message.ja,
  };
  return error;
}
