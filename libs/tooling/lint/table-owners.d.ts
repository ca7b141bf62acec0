import type { Rule } from 'eslint';

export function tableOwners(root: string): Map<string, string>;
export function sqlWrites(sql: string): { verb: string; table: string }[];
export function libOf(root: string, file: string): string | undefined;
export function ownTablesRule(root: string): Rule.RuleModule;
