import fc from 'fast-check';
import http from 'node:http';

/**
 * Hostile requests generated from the OpenAPI document: wrong types, missing and unknown fields,
 * oversize strings and arrays, Unicode edge cases, SQL and HTML payloads, malformed ids and dates,
 * broken JSON and wrong media types, plus valid-shaped requests carrying hostile-but-legal text.
 */

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly example?: unknown;
  readonly description?: string;
}

interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: Schema;
}

interface OperationObject {
  readonly operationId: string;
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
  readonly 'x-access'?: string;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

export interface ApiOperation {
  readonly id: string;
  readonly method: string;
  /** As in the document: /applications/{id}/sides/{agencyId}. */
  readonly path: string;
  /** public, signed-in, or "roles: a, b". */
  readonly access: string;
  readonly pathParams: readonly string[];
  readonly query: readonly { readonly name: string; readonly schema: Schema }[];
  /** Header parameters the document names (If-Match, Idempotency-Key), lower-cased and without duplicates. */
  readonly headers: readonly string[];
  readonly body: Schema | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): ApiOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]): ApiOperation => {
        const parameters = op.parameters ?? [];
        const body = op.requestBody?.content['application/json']?.schema;
        return {
          id: op.operationId,
          method: method.toUpperCase(),
          path,
          access: op['x-access'] ?? 'UNDECLARED',
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
          headers: [...new Set(parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()))],
          body: body === undefined ? undefined : resolve(doc, body),
        };
      }),
  );
}

/** Follows $ref and merges allOf, one level at a time (nested schemas are resolved when reached). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (target === undefined) throw new Error(`The OpenAPI document has no schema ${name}`);
    return resolve(doc, { ...target, ...(schema.nullable ? { nullable: true } : {}) });
  }
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map((part) => resolve(doc, part));
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}) as Record<string, Schema>,
      required: [...parts.flatMap((p) => p.required ?? []), ...(schema.required ?? [])],
    };
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Pieces of text that are legal input yet have broken systems: bidi controls, joiners, emoji, combining marks, payloads. */
export const LEGAL_PIECES: readonly string[] = [
  '\u200F', // right-to-left mark
  '\u200E', // left-to-right mark
  '\u202E', // right-to-left override
  '\u2066\u2069', // isolates
  '\u200D', // zero-width joiner
  '\u200C', // zero-width non-joiner
  '\u200B', // zero-width space
  '\u2060', // word joiner
  '\uFEFF', // byte order mark inside text
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇯🇵',
  '👍🏽',
  '𝕏',
  '𠮷野家',
  '\u{10FFFD}',
  'e\u0301',
  'Z\u0351\u0308\u0327\u0336\u0334',
  'ก\u0e49\u0e49\u0e49',
  '\u2028',
  '\u2029',
  '\r\n',
  '\t',
  '\u000B',
  '\u0085',
  '\u0001\u001F\u007F',
  '\uFFFD',
  '\uFFFE\uFFFF',
  'ǅß İ ﬃ ﷺ',
  '東京大学 量子',
  'مرحبا بالعالم',
  'שלום',
  '한국어',
  "'; DROP TABLE applications; --",
  "' OR '1'='1",
  '"; SELECT pg_sleep(10); --',
  "$1 $$ E'\\x00' ::text",
  '\\',
  '\\u0000',
  '%00',
  '%s%n%x',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;&amp;&#0;',
  ']]><!--',
  '=HYPERLINK("http://example.invalid")',
  '../../etc/passwd',
  '  ',
];

/** Strings that are not legal text: NUL, lone surrogates. */
export const ILL_FORMED_PIECES: readonly string[] = ['\u0000', '\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800', 'x\u0000y'];

/** Text a client must never send in a field that wants a particular form. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "'; DROP TABLE users; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '\u202Eevil',
  '😀'.repeat(300),
  'e\u0301'.repeat(300),
  '%',
  '%zz',
  '\\',
  'Asia/Tokyo\u0000',
  'JPY\u200B',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
];

/** Date-time strings that are malformed or out of range: year 0 and 10000, February 30, hour 24, no offset, bad offsets. */
export const HOSTILE_DATES: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00',
  '0000-01-01',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2026-02-30T12:00:00Z',
  '2026-02-30T12:00',
  '2026-02-30',
  '2027-02-29T00:00:00+09:00',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-04-01T24:00:00Z',
  '2026-04-01T23:59:60Z',
  '2026-04-01T12:00:00',
  '2026-04-01T12:00:00.123456789',
  '2026-04-01',
  '2026-04-01T12:00:00+25:00',
  '2026-04-01T12:00:00+14:00',
  '2026-04-01T12:00:00-12:00',
  '2026-04-01T12:00:00+0900',
  '2026-04-01T12:00:00 +09:00',
  '2026-04-01 12:00:00Z',
  '2026-W14-3',
  '2026-091',
  '2026-03-08T02:30', // a local time skipped in US zones
  '2026-03-29T02:30', // and in Europe
  '1970-01-01T00:00:00Z',
  '1900-01-01T00:00:00Z',
  'now',
  'today',
  'infinity',
  '-infinity',
  'epoch',
  '1e10',
  '2026-04-01T00:00:00Z\u0000',
  '２０２６-０４-０１',
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed Unicode without NUL: text any API must store as it is given. */
export function isLegalText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Cuts at `max` UTF-16 code units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** Hostile-but-legal text of at most `maxLength` UTF-16 code units (and at least one character when `minLength` > 0). */
export function legalText(options: { maxLength?: number; minLength?: number } = {}): fc.Arbitrary<string> {
  const max = options.maxLength ?? 2000;
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LEGAL_PIECES) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => isLegalText(s)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  );
  return fc
    .array(piece, { minLength: 1, maxLength: 16 })
    .map((pieces) => {
      const text = cut(pieces.join(''), max);
      return (options.minLength ?? 0) > 0 && text.trim() === '' ? cut(`x${text}`, max) : text;
    })
    .filter((text) => text.length <= max && isLegalText(text));
}

/** Legal text with NUL characters or lone surrogates put in. */
export function illFormedText(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  const max = Math.max(2, options.maxLength ?? 2000);
  return fc
    .tuple(legalText({ maxLength: max - 2 }), fc.constantFrom(...ILL_FORMED_PIECES), fc.nat())
    .map(([text, bad, at]) => {
      const chars = Array.from(text);
      const position = chars.length === 0 ? 0 : at % (chars.length + 1);
      return [...chars.slice(0, position), bad, ...chars.slice(position)].join('').slice(0, max);
    })
    .filter((text) => !isLegalText(text));
}

// ---------------------------------------------------------------------------------------------
// Valid-shaped values

export interface GenerationContext {
  readonly doc: OpenApiDocument;
  /** Ids of real objects, for uuid-shaped fields: sent now and then so that requests reach the services. */
  readonly knownIds: readonly string[];
}

const DATE_NAME = /(At|On|From|To|deadline)$/;

function isDateLike(name: string, schema: Schema): boolean {
  return (
    schema.format === 'date-time' ||
    schema.format === 'date' ||
    DATE_NAME.test(name) ||
    /ISO 8601|YYYY-MM-DD/.test(schema.description ?? '')
  );
}

function isIdLike(name: string, schema: Schema): boolean {
  return schema.format === 'uuid' || name === 'id' || /Id$/.test(name);
}

/** A valid instant or local date-time between 2020 and 2035, in the forms the API documents. */
export function validDateText(dateOnly = false): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('Z', '+09:00', '-05:00', '', '.000Z'),
    )
    .map(([date, suffix]) => {
      const iso = date.toISOString();
      if (dateOnly) return iso.slice(0, 10);
      if (suffix === '.000Z') return iso;
      return `${iso.slice(0, 19)}${suffix}`;
    });
}

export function idValue(ctx: GenerationContext): fc.Arbitrary<string> {
  return ctx.knownIds.length > 0 ? fc.oneof(fc.constantFrom(...ctx.knownIds), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
}

/** A value of the schema's shape (types, enums, lengths, ranges), not necessarily one the rules accept. */
export function validValue(ctx: GenerationContext, raw: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(ctx.doc, raw);
  const value = shapedValue(ctx, schema, name, depth);
  return schema.nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: value }) : value;
}

function shapedValue(ctx: GenerationContext, schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
  switch (schema.type) {
    case 'string':
      if (isIdLike(name, schema)) return idValue(ctx);
      if (isDateLike(name, schema)) return fc.oneof(...example, validDateText(/On$/.test(name)));
      return fc.oneof(...example, legalText({ maxLength: schema.maxLength ?? 200, minLength: schema.minLength ?? 1 }));
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(...(typeof schema.example === 'number' ? [fc.constant(schema.example)] : []), fc.integer({ min, max }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(ctx, schema.items ?? {}, name, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object':
    case undefined: {
      if (schema.properties !== undefined && depth < 6) {
        const properties = schema.properties;
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, property] of Object.entries(properties)) record[key] = validValue(ctx, property, key, depth + 1);
        return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      }
      // A property documented without a shape (an untyped union, a free-form map).
      if (isDateLike(name, schema)) return fc.oneof(...example, validDateText(/On$/.test(name)));
      if (schema.example !== undefined && typeof schema.example === 'object') {
        return fc.oneof(fc.constant(schema.example), fc.dictionary(fc.string({ maxLength: 10 }), fc.integer({ min: -5, max: 10 })));
      }
      return fc.oneof(...example, fc.dictionary(fc.string({ maxLength: 10 }), fc.integer({ min: -5, max: 10 }), { maxKeys: 3 }));
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of a value

type PathKey = string | number;

interface Site {
  readonly path: readonly PathKey[];
  readonly schema: Schema | undefined;
  readonly name: string;
  readonly value: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sitesOf(ctx: GenerationContext, raw: Schema | undefined, value: unknown, name = '', path: PathKey[] = []): Site[] {
  const schema = raw === undefined ? undefined : resolve(ctx.doc, raw);
  const here: Site = { path, schema, name, value };
  if (path.length > 8) return [here];
  if (Array.isArray(value)) {
    return [here, ...value.slice(0, 50).flatMap((item, index) => sitesOf(ctx, schema?.items, item, name, [...path, index]))];
  }
  if (isPlainObject(value)) {
    return [here, ...Object.keys(value).flatMap((key) => sitesOf(ctx, schema?.properties?.[key], value[key], key, [...path, key]))];
  }
  return [here];
}

function setAt(root: unknown, path: readonly PathKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [PathKey, ...PathKey[]];
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function deleteAt(root: unknown, path: readonly PathKey[], key: string): unknown {
  const parent = path.reduce<unknown>((node, k) => (node as Record<PathKey, unknown>)[k], root);
  const copy = { ...(parent as Record<string, unknown>) };
  delete copy[key];
  return setAt(root, path, copy);
}

function addAt(root: unknown, path: readonly PathKey[], key: string, value: unknown): unknown {
  const parent = path.reduce<unknown>((node, k) => (node as Record<PathKey, unknown>)[k], root);
  const copy = { ...(parent as Record<string, unknown>) };
  // defineProperty, so that a key such as __proto__ becomes a real member and reaches the JSON.
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return setAt(root, path, copy);
}

/** Values of every JSON type and some that JavaScript code mishandles. */
const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  1e21,
  -1e21,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  '1',
  'true',
  '2026-04-01T00:00:00Z',
  [],
  [null],
  [1, 'a', {}],
  {},
  { $gt: '' },
  { toString: 'x' },
  { __proto__x: 1 },
];

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function expectedType(schema: Schema | undefined): string | undefined {
  if (schema === undefined) return undefined;
  if (schema.enum !== undefined) return 'string';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
    case 'boolean':
    case 'array':
      return schema.type;
    case 'object':
      return schema.properties !== undefined ? 'object' : undefined;
    default:
      return undefined;
  }
}

const EXTRA_KEYS: readonly string[] = [
  'isAdmin',
  'roles_',
  'id_',
  'createdAt_',
  '$where',
  'a.b',
  'title ',
  'Title',
  '𝕏',
  '\u202Ename',
  'x'.repeat(300),
  '__proto__',
  'constructor',
];

export type Mutation =
  | { readonly kind: 'wrong-type'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'hostile-text'; readonly pick: number; readonly text: string }
  | { readonly kind: 'legal-text'; readonly pick: number; readonly text: string }
  | { readonly kind: 'malformed-date'; readonly pick: number; readonly text: string }
  | { readonly kind: 'huge-string'; readonly pick: number; readonly length: number; readonly unit: string }
  | { readonly kind: 'huge-array'; readonly pick: number; readonly length: number }
  | { readonly kind: 'oversize'; readonly pick: number; readonly extra: number }
  | { readonly kind: 'out-of-range'; readonly pick: number; readonly which: number }
  | { readonly kind: 'drop-required'; readonly pick: number; readonly which: number }
  | { readonly kind: 'extra-field'; readonly pick: number; readonly key: string; readonly value: unknown };

/** Mutations every schema-valid validator must refuse; they are applied after the others, so nothing undoes them. */
const REFUSED: ReadonlySet<Mutation['kind']> = new Set(['oversize', 'out-of-range', 'drop-required', 'extra-field']);

export function mutationArbitrary(): fc.Arbitrary<Mutation> {
  const pick = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('wrong-type' as const), pick, value: fc.constantFrom(...ODD_VALUES) }),
    fc.record({
      kind: fc.constant('hostile-text' as const),
      pick,
      text: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), illFormedText({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
    }),
    fc.record({ kind: fc.constant('legal-text' as const), pick, text: legalText({ maxLength: 400 }) }),
    fc.record({ kind: fc.constant('malformed-date' as const), pick, text: fc.constantFrom(...HOSTILE_DATES) }),
    fc.record({
      kind: fc.constant('huge-string' as const),
      pick,
      length: fc.constantFrom(5_000, 70_000, 300_000),
      unit: fc.constantFrom('a', '😀', 'é', '\u0301', ' '),
    }),
    fc.record({ kind: fc.constant('huge-array' as const), pick, length: fc.constantFrom(50, 1_000, 20_000) }),
    fc.record({ kind: fc.constant('oversize' as const), pick, extra: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ kind: fc.constant('out-of-range' as const), pick, which: fc.nat() }),
    fc.record({ kind: fc.constant('drop-required' as const), pick, which: fc.nat() }),
    fc.record({
      kind: fc.constant('extra-field' as const),
      pick,
      key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
      value: fc.constantFrom(...ODD_VALUES),
    }),
  );
}

export interface MutationResult {
  readonly value: unknown;
  /** What the mutations did, for failure reports. */
  readonly notes: readonly string[];
  /** Why the server must refuse the result (empty: it may accept it). */
  readonly refusals: readonly string[];
}

const show = (path: readonly PathKey[]) => (path.length === 0 ? '(body)' : path.join('.'));

/** Applies mutations in order, the refused kinds last, looking at the value anew each time. */
export function mutate(ctx: GenerationContext, schema: Schema | undefined, start: unknown, mutations: readonly Mutation[]): MutationResult {
  let value = start;
  const notes: string[] = [];
  const refusals: string[] = [];
  const ordered = [...mutations.filter((m) => !REFUSED.has(m.kind)), ...mutations.filter((m) => REFUSED.has(m.kind))];
  for (const mutation of ordered) {
    const all = sitesOf(ctx, schema, value);
    const choose = (eligible: (site: Site) => boolean): Site | undefined => {
      const sites = all.filter(eligible);
      return sites.length === 0 ? undefined : sites[mutation.pick % sites.length];
    };
    switch (mutation.kind) {
      case 'wrong-type': {
        const site = choose((s) => s.path.length > 0 && expectedType(s.schema) !== undefined);
        if (site === undefined || jsonType(mutation.value) === expectedType(site.schema)) break;
        value = setAt(value, site.path, mutation.value);
        notes.push(`${show(site.path)}: ${JSON.stringify(mutation.value)} for a ${expectedType(site.schema)}`);
        break;
      }
      case 'hostile-text':
      case 'legal-text': {
        const site = choose((s) => s.path.length > 0 && (typeof s.value === 'string' || expectedType(s.schema) === 'string'));
        if (site === undefined) break;
        const text = mutation.kind === 'legal-text' ? cut(mutation.text, site.schema?.maxLength ?? 400) : mutation.text;
        value = setAt(value, site.path, text);
        notes.push(`${show(site.path)}: ${mutation.kind} ${JSON.stringify(text).slice(0, 80)}`);
        break;
      }
      case 'malformed-date': {
        const dates = (s: Site) => s.path.length > 0 && s.schema !== undefined && isDateLike(s.name, s.schema);
        const site = choose((s) => dates(s)) ?? choose((s) => s.path.length > 0 && typeof s.value === 'string');
        if (site === undefined) break;
        value = setAt(value, site.path, mutation.text);
        notes.push(`${show(site.path)}: date ${JSON.stringify(mutation.text)}`);
        break;
      }
      case 'huge-string': {
        const site = choose((s) => s.path.length > 0 && (typeof s.value === 'string' || expectedType(s.schema) === 'string'));
        if (site === undefined) break;
        value = setAt(value, site.path, mutation.unit.repeat(Math.ceil(mutation.length / mutation.unit.length)));
        notes.push(`${show(site.path)}: ${mutation.length} × ${JSON.stringify(mutation.unit)}`);
        break;
      }
      case 'huge-array': {
        const site = choose((s) => s.path.length > 0 && (Array.isArray(s.value) || expectedType(s.schema) === 'array'));
        if (site === undefined) break;
        const sample = Array.isArray(site.value) && site.value.length > 0 ? site.value[0] : 'x';
        value = setAt(
          value,
          site.path,
          Array.from({ length: mutation.length }, () => sample),
        );
        notes.push(`${show(site.path)}: array of ${mutation.length}`);
        break;
      }
      case 'oversize': {
        const site = choose((s) => typeof s.value === 'string' && s.schema?.maxLength !== undefined);
        if (site === undefined) break;
        value = setAt(value, site.path, 'a'.repeat(site.schema!.maxLength! + mutation.extra));
        notes.push(
          `${show(site.path)}: ${site.schema!.maxLength! + mutation.extra} characters, at most ${site.schema!.maxLength!} allowed`,
        );
        refusals.push(`${show(site.path)} is longer than its maxLength`);
        break;
      }
      case 'out-of-range': {
        const site = choose(
          (s) =>
            typeof s.value === 'number' && s.schema !== undefined && (s.schema.minimum !== undefined || s.schema.maximum !== undefined),
        );
        if (site === undefined) break;
        const limits = [
          ...(site.schema!.minimum !== undefined ? [site.schema!.minimum - 1, -1e300] : []),
          ...(site.schema!.maximum !== undefined ? [site.schema!.maximum + 1, 1e300] : []),
        ];
        const outside = limits[mutation.which % limits.length]!;
        value = setAt(value, site.path, outside);
        notes.push(`${show(site.path)}: ${outside} outside [${site.schema!.minimum}, ${site.schema!.maximum}]`);
        refusals.push(`${show(site.path)} is out of its documented range`);
        break;
      }
      case 'drop-required': {
        const site = choose(
          (s) => isPlainObject(s.value) && (s.schema?.required ?? []).some((key) => key in (s.value as Record<string, unknown>)),
        );
        if (site === undefined) break;
        const present = site.schema!.required!.filter((key) => key in (site.value as Record<string, unknown>));
        const key = present[mutation.which % present.length]!;
        value = deleteAt(value, site.path, key);
        notes.push(`${show([...site.path, key])}: removed`);
        refusals.push(`${show([...site.path, key])} is required`);
        break;
      }
      case 'extra-field': {
        const site = choose((s) => isPlainObject(s.value) && s.schema?.properties !== undefined && !(mutation.key in s.schema.properties));
        if (site === undefined) break;
        value = addAt(value, site.path, mutation.key, mutation.value);
        notes.push(`${show([...site.path, mutation.key])}: unknown field`);
        refusals.push(`${show([...site.path, JSON.stringify(mutation.key)])} is not a field`);
        break;
      }
    }
  }
  return { value, notes, refusals };
}

// ---------------------------------------------------------------------------------------------
// URLs

/** encodeURIComponent that also writes lone surrogates (as the invalid UTF-8 a careless client would send). */
export function encodeComponent(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16).toUpperCase()}%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

const STRICT_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path segment: encoded, or sent as it is (already percent-encoded or deliberately malformed). */
export interface Segment {
  readonly text: string;
  readonly raw: boolean;
}

const sample = '6f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b';

/** Ids no route should accept: not UUIDs, UUID-like with a wrong version or variant, very long, payloads, broken encodings. */
export const MALFORMED_IDS: readonly Segment[] = [
  ...[
    'not-a-uuid',
    '1',
    '0',
    '-1',
    'null',
    'undefined',
    '[]',
    '{}',
    ' ',
    'a b',
    sample.replace(/-/g, ''),
    `{${sample}}`,
    `urn:uuid:${sample}`,
    `${sample}0`,
    sample.slice(0, 35),
    ` ${sample}`,
    `${sample}\n`,
    sample.replace('4e5f', 'Ge5f'),
    "1' OR '1'='1",
    `${sample}'; DROP TABLE calls; --`,
    '<script>alert(1)</script>',
    '\u0000',
    `${sample}\u0000`,
    '\uD800',
    '😀',
    '\u202E' + sample,
    sample.replace(/[0-9]/g, '٣'),
    'x'.repeat(201),
    'f'.repeat(5_000),
    sample.repeat(600),
  ].map((text) => ({ text, raw: false })),
  ...['.', '..', '%2e%2e', '%2F', '%00', 'a%00b', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF%FE', '%25', '%u0041'].map((text) => ({
    text,
    raw: true,
  })),
];

/** UUID-shaped ids with a version or variant nobody issues here: refused or not found, never a failure. */
export const ODD_UUIDS: readonly string[] = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  sample.replace('-4e5f-', '-0e5f-'),
  sample.replace('-4e5f-', '-9e5f-'),
  sample.replace('-4e5f-', '-fe5f-'),
  sample.replace('-8a6b-', '-0a6b-'),
  sample.replace('-8a6b-', '-ca6b-'),
  sample.toUpperCase(),
];

export function idSegment(valid: readonly string[]): fc.Arbitrary<{ segment: Segment; refused: string | null }> {
  return fc.oneof(
    ...(valid.length > 0
      ? [{ weight: 5, arbitrary: fc.constantFrom(...valid).map((text) => ({ segment: { text, raw: false }, refused: null })) }]
      : []),
    {
      weight: 1,
      arbitrary: fc.uuid({ version: 4 }).map((text) => ({ segment: { text, raw: false }, refused: `no object has the id ${text}` })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...ODD_UUIDS).map((text) => ({ segment: { text, raw: false }, refused: null })),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...MALFORMED_IDS).map((segment) => ({
        segment,
        refused: segment.raw || !STRICT_UUID.test(segment.text) ? `${JSON.stringify(segment.text.slice(0, 40))} is not an id` : null,
      })),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface HostileRequest {
  readonly method: string;
  /** Path and query, percent-encoded (or deliberately malformed), as sent on the request line. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly contentType?: string;
  /** Who sends it: a key of the signed-in users, or null for nobody. */
  readonly as: string | null;
  readonly notes: readonly string[];
  /** Why it must be refused; empty when the server may accept it. */
  readonly refusals: readonly string[];
}

/** A short account of a request, for failure reports (bodies can be megabytes). */
export function describeRequest(request: HostileRequest): string {
  const body = request.body === undefined ? '' : ` ${request.contentType ?? ''} ${truncate(request.body, 300)}`;
  const notes = request.notes.length > 0 ? `\n    mutations: ${request.notes.join('; ')}` : '';
  const refusals = request.refusals.length > 0 ? `\n    must be refused: ${request.refusals.join('; ')}` : '';
  return `${request.as ?? 'anonymous'}: ${request.method} ${truncate(request.url, 200)}${body}${notes}${refusals}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

function withDescription(request: HostileRequest): HostileRequest {
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

/** Whole bodies that are not what the route wants: broken JSON, other media types, other JSON types, nesting, sizes. */
interface RawBody {
  readonly body: string;
  readonly contentType: string;
  readonly refused: string | null;
  readonly note: string;
}

function rawBodies(valid: fc.Arbitrary<unknown>): fc.Arbitrary<RawBody> {
  const json = valid.map((value) => JSON.stringify(value) ?? 'null');
  const broken = ['{', '{"a":', "{'a':1}", '{"a":1,}', 'NaN', '{"a":1}{"b":2}', '[', 'nul', '\u0000', '{"a":"\\ud800"', '{"a":"\\x41"}'];
  return fc.oneof(
    fc
      .constantFrom(...broken)
      .map((body) => ({ body, contentType: 'application/json', refused: 'the body is not JSON', note: 'broken JSON' })),
    fc.constant({ body: '', contentType: 'application/json', refused: 'the body is empty', note: 'empty JSON body' }),
    fc
      .tuple(json, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'))
      .map(([body, contentType]) => ({ body, contentType, refused: `${contentType} is not JSON`, note: `sent as ${contentType}` })),
    fc
      .tuple(
        json,
        fc.constantFrom('application/json; charset=utf-16', 'application/JSON', 'application/json;;', 'application/merge-patch+json'),
      )
      .map(([body, contentType]) => ({ body, contentType, refused: null, note: `sent as ${contentType}` })),
    fc
      .constantFrom('null', '[]', '[{}]', '"text"', '0', 'true', '{}', '""', '\uFEFF{}', ' \n\t{} ')
      .map((body) => ({ body, contentType: 'application/json', refused: null, note: 'another JSON value' })),
    fc.constantFrom(100, 3_000, 50_000).map((depth) => ({
      body: `${'['.repeat(depth)}${']'.repeat(depth)}`,
      contentType: 'application/json',
      refused: null,
      note: `arrays nested ${depth} deep`,
    })),
    fc.constantFrom(100, 3_000, 30_000).map((depth) => ({
      body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      contentType: 'application/json',
      refused: null,
      note: `objects nested ${depth} deep`,
    })),
    json.map((body) => ({
      body: body.replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
      contentType: 'application/json',
      refused: null,
      note: '__proto__ member',
    })),
    fc.constant({
      body: JSON.stringify({ padding: 'a'.repeat(1_100_000) }),
      contentType: 'application/json',
      refused: 'the body is larger than the limit',
      note: 'a body over 1 MiB',
    }),
  );
}

export interface OperationPlan {
  /** Who sends the requests: a key of the signed-in users, or null for a public route. */
  readonly as: string | null;
  /** Ids of real objects per path parameter; without them only foreign and malformed ids are sent. */
  readonly pathIds?: Readonly<Record<string, readonly string[]>>;
  /** Bodies the route accepts (or nearly), to mutate; otherwise bodies are built from the schema. */
  readonly bodies?: readonly unknown[];
  /** Query parameters the route accepts, to mutate; otherwise built from the schema. */
  readonly queries?: readonly Readonly<Record<string, string>>[];
}

const LIMIT_VALUES = ['0', '-1', '101', '1.5', 'abc', '1e2', '0x10', 'Infinity', 'NaN', '', ' 5', '５', '9'.repeat(400), '1,2'];

const UNKNOWN_QUERY_KEYS = ['foo', 'limit_', 'orderBy', 'sort', 'where', 'include', 'debug', 'admin', 'offset'];

function queryValue(ctx: GenerationContext, name: string, schema: Schema): fc.Arbitrary<string> {
  const resolved = resolve(ctx.doc, schema);
  if (resolved.enum !== undefined) return fc.constantFrom(...resolved.enum.map(String));
  if (resolved.type === 'number' || resolved.type === 'integer') {
    return fc.integer({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1_000 }).map(String);
  }
  if (resolved.type === 'boolean') return fc.constantFrom('true', 'false');
  if (isIdLike(name, resolved)) return idValue(ctx);
  if (isDateLike(name, resolved)) return validDateText().map((d) => (d.length === 19 ? `${d}Z` : d));
  if (name === 'tz') return fc.constantFrom('Asia/Tokyo', 'Europe/Paris', 'UTC', 'America/New_York');
  if (name === 'cursor') return hostileCursor();
  return legalText({ maxLength: resolved.maxLength ?? 60 });
}

/** Cursors this API never issued: base64url JSON of wrong arity and types, and garbage. */
function hostileCursor(): fc.Arbitrary<string> {
  const element = fc.oneof(
    fc.constantFrom<unknown>(
      'x',
      '',
      'not-a-uuid',
      '2026-02-30T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '\u0000',
      'a\u0000b',
      1e308,
      -1,
      null,
      1.5,
    ),
    fc.uuid({ version: 4 }),
    legalText({ maxLength: 30 }),
  );
  return fc.oneof(
    fc.array(element, { minLength: 0, maxLength: 4 }).map((values) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')),
    fc.constantFrom('!!!', '====', 'e30', 'bnVsbA', 'W10', 'a'.repeat(600)),
    fc.string({ maxLength: 40 }),
  );
}

interface QueryPlan {
  readonly pairs: readonly (readonly [string, string, boolean])[];
  readonly notes: readonly string[];
  readonly refusals: readonly string[];
}

type QueryMutation =
  | { readonly kind: 'unknown'; readonly key: string }
  | { readonly kind: 'repeat'; readonly pick: number }
  | { readonly kind: 'hostile'; readonly pick: number; readonly text: string }
  | { readonly kind: 'oversize'; readonly pick: number; readonly extra: number }
  | { readonly kind: 'raw'; readonly pick: number; readonly text: string }
  | { readonly kind: 'limit'; readonly text: string };

function queryArbitrary(ctx: GenerationContext, op: ApiOperation, plan: OperationPlan): fc.Arbitrary<QueryPlan> {
  if (op.query.length === 0) return fc.constant({ pairs: [], notes: [], refusals: [] });
  const generated = fc.record(Object.fromEntries(op.query.map((q) => [q.name, queryValue(ctx, q.name, q.schema)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string>>;
  const start = plan.queries !== undefined && plan.queries.length > 0 ? fc.oneof(fc.constantFrom(...plan.queries), generated) : generated;
  const mutation: fc.Arbitrary<QueryMutation> = fc.oneof(
    fc.record({ kind: fc.constant('unknown' as const), key: fc.constantFrom(...UNKNOWN_QUERY_KEYS) }),
    fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('hostile' as const),
      pick: fc.nat(),
      text: fc.oneof(
        fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_DATES),
        illFormedText({ maxLength: 30 }),
        legalText({ maxLength: 100 }),
      ),
    }),
    fc.record({ kind: fc.constant('oversize' as const), pick: fc.nat(), extra: fc.constantFrom(1, 100, 20_000) }),
    fc.record({
      kind: fc.constant('raw' as const),
      pick: fc.nat(),
      text: fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '%C0%AF', '+', '&&', '='),
    }),
    fc.record({ kind: fc.constant('limit' as const), text: fc.constantFrom(...LIMIT_VALUES) }),
  );
  return fc.tuple(start, fc.array(mutation, { maxLength: 3 })).map(([values, mutations]) => {
    const pairs: [string, string, boolean][] = Object.entries(values).map(([k, v]) => [k, v, false]);
    const notes: string[] = [];
    const refusals: string[] = [];
    const names = op.query.map((q) => q.name);
    for (const m of mutations) {
      const name = 'pick' in m ? names[m.pick % names.length]! : '';
      const schema = op.query.find((q) => q.name === name)?.schema;
      switch (m.kind) {
        case 'unknown':
          pairs.push([m.key, 'x', false]);
          notes.push(`?${m.key}: unknown parameter`);
          refusals.push(`?${m.key} is not a parameter`);
          break;
        case 'repeat':
          pairs.push([name, pairs.find(([k]) => k === name)?.[1] ?? 'x', false], [name, 'y', false]);
          notes.push(`?${name}: repeated`);
          break;
        case 'hostile':
          pairs.push([name, m.text, false]);
          notes.push(`?${name}=${JSON.stringify(m.text).slice(0, 60)}`);
          break;
        case 'oversize':
          if (schema?.maxLength !== undefined) {
            const index = pairs.findIndex(([k]) => k === name);
            if (index >= 0) pairs.splice(index, 1);
            pairs.push([name, 'a'.repeat(schema.maxLength + m.extra), false]);
            notes.push(`?${name}: ${schema.maxLength + m.extra} characters`);
            refusals.push(`?${name} is longer than its maxLength`);
          }
          break;
        case 'raw':
          pairs.push([name, m.text, true]);
          notes.push(`?${name}=${m.text} (raw)`);
          break;
        case 'limit':
          if (names.includes('limit')) {
            pairs.push(['limit', m.text, false]);
            notes.push(`?limit=${JSON.stringify(m.text).slice(0, 40)}`);
          }
          break;
      }
    }
    return { pairs, notes, refusals };
  });
}

function bodyArbitrary(
  ctx: GenerationContext,
  op: ApiOperation,
  plan: OperationPlan,
): fc.Arbitrary<{ body?: string; contentType?: string; notes: string[]; refusals: string[] }> {
  if (op.body === undefined) return fc.constant({ notes: [], refusals: [] });
  const schema = op.body;
  const generated = validValue(ctx, schema);
  const start = plan.bodies !== undefined && plan.bodies.length > 0 ? fc.oneof(fc.constantFrom(...plan.bodies), generated) : generated;
  const mutated = fc.tuple(start, fc.array(mutationArbitrary(), { maxLength: 3 })).map(([value, mutations]) => {
    const result = mutate(ctx, schema, value, mutations);
    return {
      body: JSON.stringify(result.value) ?? 'null',
      contentType: 'application/json',
      notes: [...result.notes],
      refusals: [...result.refusals],
    };
  });
  const raw = rawBodies(start).map((r) => ({
    body: r.body,
    contentType: r.contentType,
    notes: [r.note],
    refusals: r.refused === null ? [] : [r.refused],
  }));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: raw });
}

const HEADER_VALUES: Readonly<Record<string, readonly string[]>> = {
  'if-match': ['"1"', 'W/"1"', '*', '"abc"', '', 'garbage', '"99999999999999"', '"-1"', '"1", "2"', '\u00e4', 'x'.repeat(8_000)],
  'idempotency-key': ['key-1', '', ' ', 'x'.repeat(300), '\u00e4\u00f6', 'a b', 'k'.repeat(255)],
};

/** One hostile request for an operation, sent by the plan's user or (now and then) by nobody. */
export function requestArbitrary(ctx: GenerationContext, op: ApiOperation, plan: OperationPlan): fc.Arbitrary<HostileRequest> {
  const path = fc.tuple(...op.pathParams.map((name) => idSegment(plan.pathIds?.[name] ?? []).map((choice) => ({ name, ...choice }))));
  const headers = fc.tuple(
    ...op.headers.map((name) =>
      fc.option(
        fc.constantFrom(...(HEADER_VALUES[name] ?? ['x'])).map((value) => [name, value] as const),
        { freq: 2 },
      ),
    ),
  );
  const anonymous = plan.as === null ? fc.constant(true) : fc.integer({ min: 0, max: 15 }).map((n) => n === 0);
  return fc
    .tuple(path, queryArbitrary(ctx, op, plan), bodyArbitrary(ctx, op, plan), headers, anonymous)
    .map(([segments, query, body, headerPairs, nobody]) => {
      let url = op.path;
      for (const { name, segment } of segments) {
        url = url.replace(`{${name}}`, segment.raw ? segment.text : encodeComponent(segment.text));
      }
      const search = query.pairs.map(([k, v, raw]) => `${encodeComponent(k)}=${raw ? v : encodeComponent(v)}`).join('&');
      const request: HostileRequest = {
        method: op.method,
        url: search === '' ? url : `${url}?${search}`,
        headers: Object.fromEntries(headerPairs.filter((pair) => pair !== null)),
        ...(body.body === undefined ? {} : { body: body.body, contentType: body.contentType }),
        as: nobody ? null : plan.as,
        notes: [
          ...segments
            .filter((s) => s.refused !== null || s.segment.raw)
            .map((s) => `{${s.name}}=${JSON.stringify(truncate(s.segment.text, 40))}`),
          ...query.notes,
          ...body.notes,
          ...headerPairs.filter((pair) => pair !== null).map(([k, v]) => `${k}: ${truncate(v, 40)}`),
        ],
        refusals: [
          ...segments.flatMap((s) =>
            s.refused === null || (s.refused.startsWith('no object') && op.method === 'DELETE') ? [] : [s.refused],
          ),
          ...query.refusals,
          ...body.refusals,
        ],
      };
      return withDescription(request);
    });
}

// ---------------------------------------------------------------------------------------------
// Sending and judging

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** Sends exactly the given request line, headers and bytes (no URL normalisation on the way). */
export function sendRaw(
  agent: http.Agent,
  port: number,
  request: Pick<HostileRequest, 'method' | 'url' | 'headers' | 'body' | 'contentType'>,
  token: string | undefined,
): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const payload = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    if (payload !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
      headers['content-length'] = String(payload.length);
    }
    let answered = false;
    const outgoing = http.request({ host: '127.0.0.1', port, method: request.method, path: request.url, headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    outgoing.on('error', (error) => {
      // The server may answer (413, 431) and close before the client has written everything.
      if (!answered) reject(error);
    });
    outgoing.end(payload);
  });
}

/** What is wrong with an answer under the API's error contract: never 5xx; every 4xx is problem+json with type, title, status, code. */
export function contractViolations(response: RawResponse): string[] {
  const violations: string[] = [];
  if (response.status >= 500) violations.push(`answered ${response.status}`);
  if (response.status < 400) return violations;
  const contentType = String(response.headers['content-type'] ?? '');
  if (!/^application\/problem\+json(;|$)/.test(contentType)) violations.push(`content-type is ${JSON.stringify(contentType)}`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [...violations, `the body is not JSON: ${truncate(response.text, 200)}`];
  }
  if (!isPlainObject(body)) return [...violations, 'the body is not an object'];
  if (typeof body['type'] !== 'string' || body['type'] === '') violations.push('no type');
  if (typeof body['title'] !== 'string' || body['title'] === '') violations.push('no title');
  if (body['status'] !== response.status)
    violations.push(`status member ${JSON.stringify(body['status'])} differs from ${response.status}`);
  if (typeof body['code'] !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body['code'])) violations.push(`code ${JSON.stringify(body['code'])}`);
  if (body['code'] === 'VALIDATION_FAILED') {
    const errors = body['errors'];
    const wellFormed =
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every((e) => isPlainObject(e) && typeof e['field'] === 'string' && typeof e['message'] === 'string');
    if (!wellFormed) violations.push(`VALIDATION_FAILED without field errors: ${truncate(JSON.stringify(errors), 200)}`);
  }
  return violations;
}
