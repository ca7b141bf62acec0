import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownTablesRule, sqlWrites, tableOwners } from './table-owners.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** ESLint with only the ownership rule, as `npm run lint` applies it to libs/. */
const linter = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { jointcall: { rules: { 'own-tables': ownTablesRule(root) } } },
      rules: { 'jointcall/own-tables': 'error' },
    },
  ],
});

describe('table ownership', () => {
  it('reads each write of a statement, and not FOR UPDATE or ON CONFLICT DO UPDATE', () => {
    expect(
      sqlWrites(`WITH moved AS (UPDATE application_sides SET status = 'x' RETURNING id)
                 INSERT INTO application_events (id) SELECT id FROM moved ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id;
                 DELETE FROM "notice_marks" WHERE true; SELECT 1 FROM calls FOR UPDATE OF calls`),
    ).toEqual([
      { verb: 'UPDATE', table: 'application_sides' },
      { verb: 'INSERT INTO', table: 'application_events' },
      { verb: 'DELETE FROM', table: 'notice_marks' },
    ]);
  });

  it('knows the owner of every table from where its entity is declared', () => {
    const owners = tableOwners(root);
    expect(owners.get('application_sides')).toBe('applications');
    expect(owners.get('review_assignments')).toBe('reviews');
    expect(owners.get('notice_marks')).toBe('notifications');
    expect(owners.get('audit_events')).toBe('platform');
    expect(owners.size).toBeGreaterThanOrEqual(30);
  });

  it('finds no lib writing a table of another lib, and finds one that does', async () => {
    const results = await linter.lintFiles(['libs/**/*.ts']);
    expect(results.length).toBeGreaterThan(100);
    expect(
      results.flatMap((r) =>
        r.messages.filter((m) => m.ruleId === 'jointcall/own-tables').map((m) => `${r.filePath}:${m.line} ${m.message}`),
      ),
    ).toEqual([]);

    const [probe] = await linter.lintText("export const sql = `UPDATE application_sides SET status = 'decided'`;", {
      filePath: join(root, 'libs', 'reviews', 'src', 'probe.ts'),
    });
    expect(probe!.messages.map((m) => m.message)).toEqual([
      'UPDATE application_sides: the table belongs to libs/applications; ask its index for the change instead.',
    ]);
  }, 120_000);
});
