import { Controller, Get, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteDeclarations } from '#identity';
import { startTestApp, type TestApp } from './support/test-app.js';

@Controller('forgotten')
class UndeclaredController {
  @Get()
  open(): string {
    return 'nobody decided who may call this';
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('route access declarations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every route and who may call it: a change of access shows up in this snapshot', async () => {
    const table = t.app
      .get(RouteDeclarations)
      .list()
      .map((route) => `${route.method.padEnd(7)}${route.path.padEnd(44)} ${route.access}`)
      .join('\n');
    await expect(`${table}\n`).toMatchFileSnapshot('./__snapshots__/route-access.txt');
  });

  it('the OpenAPI document shows each operation’s access', async () => {
    const document = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { 'x-access'?: string }>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation['x-access'], `${method.toUpperCase()} ${path}`).toMatch(/^(public|signed-in|roles: .+)$/);
      }
    }
  });

  it('names the operations clients rely on exactly', async () => {
    const document = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { operationId: string }>> };
    const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));
    expect(ids).toEqual(
      expect.arrayContaining([
        'login',
        'refreshToken',
        'logout',
        'getMe',
        'updateMe',
        'listOrganizations',
        'getOrganization',
        'createOrganization',
        'updateOrganization',
        'listUsers',
        'getUser',
        'createUser',
        'updateUser',
        'listPrograms',
        'getProgram',
        'createProgram',
        'updateProgram',
        'listCalls',
        'getCall',
        'createCall',
        'updateCall',
        'publishCall',
        'cancelCall',
        'getCallCalendar',
        'getMyCalendar',
        'rotateCalendarToken',
        'watchCall',
        'unwatchCall',
        'createApplication',
        'getApplication',
        'updateApplication',
        'listApplications',
        'addApplicationMember',
        'updateApplicationMember',
        'removeApplicationMember',
        'inviteApplicationMember',
        'findPerson',
        'getInvitation',
        'acceptInvitation',
        'updateApplicationSide',
        'submitApplication',
        'approveApplicationSide',
        'returnApplicationSide',
        'reopenApplication',
        'withdrawApplication',
        'listApplicationEvents',
        'exportApplicationsCsv',
        'setInstitutionDeadline',
        'recordEligibility',
        'listCallReviewers',
        'addCallReviewer',
        'declareConflict',
        'assignReviewer',
        'unassignReviewer',
        'autoAssignReviewers',
        'listMyAssignments',
        'acceptAssignment',
        'declineAssignment',
        'getAssignedApplication',
        'saveReview',
        'submitReview',
        'listApplicationReviews',
        'getCallRanking',
        'recordSideDecision',
        'getApplicationOutcome',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the application refuses to start while a route has no declaration', async () => {
    await expect(startTestApp({ modules: [UndeclaredModule] })).rejects.toThrow(/without an access declaration.*GET \/forgotten/);
  });
});
