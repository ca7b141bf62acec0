import { DomainError } from '../errors/domain-error.js';

/** A strong ETag from a row version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The ETag of an answer: a single object with a numeric `version` gets it, for a later If-Match. */
export function etagOfAnswer(body: unknown): string | undefined {
  return body !== null && typeof body === 'object' && 'version' in body && typeof body.version === 'number'
    ? etagOf(body.version)
    : undefined;
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
