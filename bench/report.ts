import type { RunResult } from './load.js';
import { OPERATION_TARGETS, type OperationTarget } from './operations.js';
import type { PlanRecord } from './plans.js';
import type { PostgresCost } from './postgres-meters.js';
import type { SignInReport } from './sign-ins.js';
import type { UploadReport } from './uploads.js';

export interface ScenarioReport {
  readonly name: string;
  readonly description: string;
  /** Saturation first, then the fixed rate; the same for both targets. */
  readonly baseline: readonly RunResult[];
  readonly jointcall: readonly RunResult[];
  /** An earlier build's api (--previous), at saturation only. */
  readonly previous?: readonly RunResult[];
}

/** A run of one operation alone against one target, with what it cost PostgreSQL. */
export type OperationRun = RunResult & PostgresCost;

export interface OperationReport {
  readonly name: string;
  readonly description: string;
  /** Per target: saturation first, then the fixed rate, the same rounds for each. */
  readonly runs: Readonly<Record<OperationTarget, readonly OperationRun[]>>;
}

export interface BenchReport {
  readonly date: string;
  readonly machine: string;
  readonly database: string;
  readonly settings: { readonly instances: number; readonly [setting: string]: unknown };
  readonly generation: { readonly applications: number; readonly seconds: number };
  readonly apiPeakMemoryMbDuringS1: number;
  /** Research plans uploaded all at once during a surge run. */
  readonly uploads?: UploadReport;
  /** Researchers signing in all at once during a surge run. */
  readonly signIns?: SignInReport;
  readonly scenarios: readonly ScenarioReport[];
  /** Each operation alone against jointcall, the same-SQL baseline and the bare one. */
  readonly operations: readonly OperationReport[];
  /** How PostgreSQL's CPU time and statements were measured, or why not. */
  readonly meters: { readonly postgresCpu: string; readonly statements: string };
  readonly plans: readonly PlanRecord[];
  readonly totalSeconds: number;
}

const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2));
export const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The table printed at the end of a bench and kept beside its JSON. */
export function markdownReport(report: BenchReport): string {
  const lines = [
    `# Bench ${report.date}`,
    '',
    `${report.machine}; ${report.database}; ${report.generation.applications} applications generated in ${report.generation.seconds} s; ` +
      `${report.settings.instances === 1 ? 'one api instance' : `${report.settings.instances} api instances, requests spread in turn`}; ` +
      `api peak memory during S1: ${report.apiPeakMemoryMbDuringS1} MB${report.settings.instances === 1 ? '' : ' (the largest instance)'}.`,
    '',
    ...(report.uploads
      ? [
          `${report.uploads.uploads} uploads of ${(report.uploads.bytesEach / 1048576).toFixed(1)} MB at once during an S1 surge run: ` +
            `${report.uploads.created} created, ${report.uploads.failed.length} failed, p50 ${report.uploads.p50Ms} ms, max ${report.uploads.maxMs} ms, ` +
            `all done in ${report.uploads.seconds} s; api peak memory meanwhile: ${report.uploads.apiPeakMemoryMb} MB.`,
          '',
        ]
      : []),
    ...(report.signIns
      ? [
          `${report.signIns.logins} sign-ins at once, each to its own account, during an S1 surge run: ` +
            `${report.signIns.signedIn} signed in, ${report.signIns.failed.length} failed, p50 ${report.signIns.p50Ms} ms, max ${report.signIns.maxMs} ms, ` +
            `all done in ${report.signIns.seconds} s; api memory ${report.signIns.apiMemoryBeforeMb} MB before, peak ${report.signIns.apiPeakMemoryMb} MB meanwhile.`,
          '',
        ]
      : []),
    '| scenario | run | target | load | req/s | p50 ms | p90 ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of report.scenarios) {
    for (const mode of ['saturation', 'fixed-rate'] as const) {
      const b = s.baseline.filter((r) => r.mode === mode);
      const j = s.jointcall.filter((r) => r.mode === mode);
      b.forEach((run, i) => {
        for (const [target, r] of [
          ['baseline', run],
          ['jointcall', j[i]!],
        ] as const) {
          const load = r.mode === 'saturation' ? `${r.load} conn` : `${r.load}/s`;
          lines.push(
            `| ${s.name} | ${mode} | ${target} | ${load} | ${r.throughput} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.errors} | ${r.non2xx} |`,
          );
        }
      });
      const of = (runs: readonly RunResult[], key: 'throughput' | 'p50' | 'p90' | 'p99') => mean(runs.map((r) => r[key]));
      lines.push(
        `| ${s.name} | ${mode} | **jointcall / baseline** (mean of ${b.length}) | | **${ratio(of(j, 'throughput'), of(b, 'throughput'))}** | ` +
          `${ratio(of(j, 'p50'), of(b, 'p50'))} | ${ratio(of(j, 'p90'), of(b, 'p90'))} | **${ratio(of(j, 'p99'), of(b, 'p99'))}** | | |`,
      );
      const p = (s.previous ?? []).filter((r) => r.mode === mode);
      if (p.length === 0) continue;
      for (const r of p) {
        lines.push(
          `| ${s.name} | ${mode} | previous | ${r.load} conn | ${r.throughput} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.errors} | ${r.non2xx} |`,
        );
      }
      lines.push(
        `| ${s.name} | ${mode} | **jointcall / previous** (mean of ${p.length}) | | **${ratio(of(j, 'throughput'), of(p, 'throughput'))}** | ` +
          `${ratio(of(j, 'p50'), of(p, 'p50'))} | ${ratio(of(j, 'p90'), of(p, 'p90'))} | ${ratio(of(j, 'p99'), of(p, 'p99'))} | | |`,
      );
    }
  }
  lines.push('', 'Per operation at the fixed rate, first round (jointcall; baseline in brackets):', '');
  lines.push('| scenario | operation | requests | p50 ms | p99 ms | non-2xx |', '|---|---|---:|---:|---:|---:|');
  for (const s of report.scenarios) {
    const j = s.jointcall.find((r) => r.mode === 'fixed-rate');
    const b = s.baseline.find((r) => r.mode === 'fixed-rate');
    if (!j) continue;
    for (const [kind, k] of Object.entries(j.byKind)) {
      const base = b?.byKind[kind];
      lines.push(`| ${s.name} | ${kind} | ${k.count} | ${k.p50} (${base?.p50 ?? '–'}) | ${k.p99} (${base?.p99 ?? '–'}) | ${k.non2xx} |`);
    }
  }
  if (report.operations.length > 0) lines.push('', ...operationLines(report));
  lines.push('', `Plans at ${report.generation.applications} applications (EXPLAIN ANALYZE; full plans in the JSON):`, '');
  lines.push('| operation | statement | ms | buffers | sequential scans of large tables |', '|---|---|---:|---:|---|');
  for (const p of report.plans) {
    lines.push(
      `| ${p.operation} | \`${p.statement.replace(/\|/g, '\\|')}\` | ${p.executionMs} | ${p.buffers} | ${p.seqScans.join(', ') || 'none'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const TARGET_LABELS: Record<OperationTarget, string> = { jointcall: 'jointcall', 'same-sql': 'same-SQL', bare: 'bare' };

/** A mean of a value each run may lack: none when any lacks it. */
function meanOf(runs: readonly OperationRun[], key: 'throughput' | 'p50' | 'p99' | 'postgresCpuMsPerRequest' | 'statementsPerRequest') {
  const values = runs.map((r) => r[key]);
  return values.some((v) => v === null) ? null : mean(values as number[]);
}

const show = (value: number | null, digits = 2) => (value === null ? 'n/a' : String(Math.round(value * 10 ** digits) / 10 ** digits));
const ratioOf = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : ratio(a, b));

/** Each operation alone: every run of every target, then jointcall's means over the bare and the same-SQL ones'. */
function operationLines(report: BenchReport): string[] {
  const lines = [
    'Each operation alone against jointcall, the same-SQL baseline (bench/baseline: the same services and SQL without Nest, ' +
      'TypeORM or authentication) and the bare one (bench/bare: the essential SQL only). PostgreSQL CPU: ' +
      `${report.meters.postgresCpu}. Statements: ${report.meters.statements}. Both per request sent (answered, or in flight when ` +
      'a saturation run ended and still done by its server, which is waited for before the meters are read).',
    '',
    '| operation | run | target | load | s | req/s | p50 ms | p99 ms | PG CPU ms/req | statements/req | errors | non-2xx |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const o of report.operations) {
    for (const mode of ['saturation', 'fixed-rate'] as const) {
      const runs = Object.fromEntries(OPERATION_TARGETS.map((t) => [t, o.runs[t].filter((r) => r.mode === mode)])) as Record<
        OperationTarget,
        OperationRun[]
      >;
      runs.jointcall.forEach((_, i) => {
        for (const target of OPERATION_TARGETS) {
          const r = runs[target][i];
          if (!r) continue;
          const load = r.mode === 'saturation' ? `${r.load} conn` : `${r.load}/s`;
          lines.push(
            `| ${o.name} | ${mode} | ${TARGET_LABELS[target]} | ${load} | ${r.seconds} | ${r.throughput} | ${r.p50} | ${r.p99} | ` +
              `${show(r.postgresCpuMsPerRequest, 3)} | ${show(r.statementsPerRequest)} | ${r.errors} | ${r.non2xx} |`,
          );
        }
      });
      const j = runs.jointcall;
      for (const other of ['bare', 'same-sql'] as const) {
        const b = runs[other];
        const cell = (key: Parameters<typeof meanOf>[1]) => ratioOf(meanOf(j, key), meanOf(b, key));
        lines.push(
          `| ${o.name} | ${mode} | **jointcall / ${TARGET_LABELS[other]}** (mean of ${j.length}) | | | **${cell('throughput')}** | ` +
            `${cell('p50')} | **${cell('p99')}** | ${cell('postgresCpuMsPerRequest')} | ${cell('statementsPerRequest')} | | |`,
        );
      }
    }
  }
  return lines;
}
