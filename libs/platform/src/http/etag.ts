import { DomainError } from '../errors/domain-error.js';

/** A strong ETag from a row version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header asks for, or undefined when there is none (the update is then
 * unconditional). `*` matches any version.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new DomainError('invalid_input', 'INVALID_IF_MATCH', 'If-Match must be an ETag this API issued, such as "3".');
  }
  return Number(match[1]);
}

/** A lost update: 409, with the version the object has now, so the client can reload and retry. */
export class VersionMismatchError extends DomainError {
  constructor(currentVersion: number | undefined) {
    super(
      'conflict',
      'VERSION_MISMATCH',
      'Someone changed this since you read it; reload and apply your change again.',
      [],
      undefined,
      currentVersion === undefined ? {} : { currentVersion },
    );
  }
}
