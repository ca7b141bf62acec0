import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';

const HEADER = 'If-Match';

/** An update sent without If-Match: 428, so that a client cannot overwrite a concurrent change by forgetting it. */
export class PreconditionRequiredError extends DomainError {
  constructor() {
    super(
      'precondition_required',
      'PRECONDITION_REQUIRED',
      `Send ${HEADER} with the ETag you read (such as "3"), or * to overwrite whatever is there.`,
      [{ field: HEADER, message: `${HEADER} is required` }],
    );
  }
}

/**
 * The version an If-Match header names: `"3"` (or `W/"3"`) is version 3; `*` is any version, answered
 * as undefined (the caller chose to overwrite). Anything else is refused (400 INVALID_IF_MATCH).
 */
export function versionFromIfMatch(header: string): number | undefined {
  if (header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new DomainError('invalid_input', 'INVALID_IF_MATCH', `${HEADER} must be an ETag this API issued, such as "3", or *.`);
  }
  return Number(match[1]);
}

/** The version an update guarded by a version is conditional on: If-Match is required (428 without it). */
export function requiredVersion(header: string | undefined): number | undefined {
  if (header === undefined) throw new PreconditionRequiredError();
  return versionFromIfMatch(header);
}

const requiredIfMatch = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requiredVersion(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

const optionalIfMatch = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  return header === undefined ? undefined : versionFromIfMatch(header);
});

/**
 * The version a write is conditional on, from If-Match, documented once in OpenAPI. Updates guarded by
 * a version require it (`@IfMatch()`: 428 PRECONDITION_REQUIRED without it); an action that changes
 * no content the caller sent may take it as an option (`@IfMatch({ required: false })`). Either way
 * the value is the version, or undefined for `*` (and, when optional, for no header).
 */
export function IfMatch(options: { readonly required?: boolean } = {}): ParameterDecorator {
  const required = options.required ?? true;
  return (target, key, index) => {
    (required ? requiredIfMatch : optionalIfMatch)()(target, key, index);
    if (key === undefined) return;
    const method = Object.getOwnPropertyDescriptor(target, key)!;
    ApiHeader({
      name: HEADER,
      required,
      description: `The ETag of the version you read, such as "3" (or * to overwrite any version)${required ? '' : '; without it the change is unconditional'}.`,
    })(target, key, method);
    ApiResponse({ status: 409, description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion.' })(
      target,
      key,
      method,
    );
    if (required) ApiResponse({ status: 428, description: `PRECONDITION_REQUIRED: send ${HEADER}.` })(target, key, method);
  };
}
