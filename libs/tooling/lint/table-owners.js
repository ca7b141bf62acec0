// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which lib owns each table: the lib whose entity declares it (`@Entity({ name: '...' })`), so the
 * owner is written once, where the table is. Only the owner writes a table; another lib that needs
 * a row changed asks the owner through its index. Checked by the `jointcall/own-tables` lint rule.
 */

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : entry.name.endsWith('.entity.ts') ? [path] : [];
  });
}

/**
 * @param {string} root the repository's root
 * @returns {Map<string, string>} table → owning lib
 */
export function tableOwners(root) {
  /** @type {Map<string, string>} */
  const owners = new Map();
  const libs = join(root, 'libs');
  for (const file of files(libs)) {
    const lib = relative(libs, file).split(sep)[0];
    for (const match of readFileSync(file, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'([a-z0-9_]+)'/g)) {
      const table = /** @type {string} */ (match[1]);
      const other = owners.get(table);
      if (other !== undefined && other !== lib) throw new Error(`table ${table} is declared by both ${other} and ${lib}`);
      owners.set(table, lib);
    }
  }
  return owners;
}

/**
 * The tables a piece of SQL writes: INSERT INTO, UPDATE and DELETE FROM, not FOR UPDATE or
 * ON CONFLICT DO UPDATE.
 * @param {string} sql
 * @returns {{ verb: string, table: string }[]}
 */
export function sqlWrites(sql) {
  const writes = [];
  for (const match of sql.matchAll(/(?<!\b(?:FOR|DO|KEY)\s+)\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/gi)) {
    writes.push({
      verb: /** @type {string} */ (match[1]).toUpperCase().replace(/\s+/g, ' '),
      table: /** @type {string} */ (match[2]).toLowerCase(),
    });
  }
  return writes;
}

/**
 * The lib a source file belongs to, or undefined outside libs/ (and for migrations, which build every table).
 * @param {string} root
 * @param {string} file
 */
export function libOf(root, file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] !== 'libs' || parts.length < 3) return undefined;
  if (parts[1] === 'schema' && parts.includes('migrations')) return undefined;
  // This rule's own examples.
  if (parts[1] === 'tooling' && parts[2] === 'lint') return undefined;
  return parts[1];
}

/**
 * ESLint rule: a string or template in a lib that writes a table owned by another lib.
 * @param {string} root
 * @returns {import('eslint').Rule.RuleModule}
 */
export function ownTablesRule(root) {
  /** @type {Map<string, string> | undefined} */
  let owners;
  return {
    meta: {
      type: 'problem',
      docs: { description: "A lib writes only the tables its own entities declare; it asks the owner's index for anything else." },
      schema: [],
      messages: { foreign: '{{verb}} {{table}}: the table belongs to libs/{{owner}}; ask its index for the change instead.' },
    },
    create(context) {
      const lib = libOf(root, context.filename);
      if (lib === undefined) return {};
      owners ??= tableOwners(root);
      const known = owners;
      /** @param {import('estree').Node} node @param {string} text */
      const check = (node, text) => {
        for (const { verb, table } of sqlWrites(text)) {
          const owner = known.get(table);
          if (owner !== undefined && owner !== lib) context.report({ node, messageId: 'foreign', data: { verb, table, owner } });
        }
      };
      return {
        Literal(node) {
          if (typeof node.value === 'string') check(node, node.value);
        },
        TemplateLiteral(node) {
          check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' '));
        },
      };
    },
  };
}
