import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, ValidationFailedError } from './domain-error.js';
import { cacheValidationMetadata } from './validation-metadata.js';

/** Flattens class-validator's tree into `{ field: 'sides[0].budget.amount', message }` entries. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL, or a lone surrogate: JSON can carry them, PostgreSQL text cannot store them as sent. */
const isIllFormed = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

const MAX_REPORTED = 20;

/**
 * The fields of an input whose text (values or member names) is not well-formed Unicode or holds NUL
 * characters. Such text is refused rather than stored altered (a lone surrogate would become U+FFFD)
 * or failing in the database (NUL). Walks without recursion, so deep nesting cannot exhaust the stack.
 */
export function illFormedTextFields(input: unknown, root = ''): FieldError[] {
  const found: FieldError[] = [];
  const pending: [unknown, string][] = [[input, root]];
  const refuse = (field: string) =>
    found.push({ field: field || 'body', message: `${field || 'body'} must be well-formed Unicode text without NUL characters` });
  while (pending.length > 0 && found.length < MAX_REPORTED) {
    const [value, field] = pending.pop()!;
    if (typeof value === 'string') {
      if (isIllFormed(value)) refuse(field);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${field}[${index}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const child = field ? `${field}.${key}` : key;
        if (isIllFormed(key)) refuse(child);
        else pending.push([item, child]);
      }
    }
  }
  return found;
}

/** Deeper than any request of this API: a guard for the recursive code (class-transformer, hashing) that reads bodies. */
export const MAX_INPUT_DEPTH = 32;

/** A field error for the first place where `input` nests arrays or objects deeper than `limit`, if any. Iterative. */
export function tooDeepField(input: unknown, limit = MAX_INPUT_DEPTH): FieldError | undefined {
  const pending: [unknown, string, number][] = [[input, '', 0]];
  while (pending.length > 0) {
    const [value, field, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) {
      return { field: field || 'body', message: `${field || 'body'} nests arrays or objects more than ${limit} levels deep` };
    }
    const entries = Array.isArray(value) ? value.map((item, index) => [`${field}[${index}]`, item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      pending.push([item, Array.isArray(value) ? key : field ? `${field}.${key}` : key, depth + 1]);
    }
  }
  return undefined;
}

/** Strict input: unknown fields are refused, values are converted to the DTO's types, ill-formed text is refused. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const illFormed = illFormedTextFields(value, metadata.data ?? '');
      if (illFormed.length > 0) throw new ValidationFailedError(illFormed);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(fieldErrors(errors)),
  });
}
