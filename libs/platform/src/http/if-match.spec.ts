import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { toProblem } from '../errors/problem-details.js';
import { requiredVersion, versionFromIfMatch } from './if-match.js';

describe('If-Match', () => {
  it('names a version as a strong or weak ETag, or any version as *', () => {
    expect(requiredVersion('"3"')).toBe(3);
    expect(requiredVersion(' W/"12" ')).toBe(12);
    expect(requiredVersion('*')).toBeUndefined();
  });

  it('is required: without it, 428 PRECONDITION_REQUIRED naming the header', () => {
    const problem = toProblem(
      catchError(() => requiredVersion(undefined)),
      'request-1',
    );
    expect(problem.body).toMatchObject({
      status: 428,
      title: 'Precondition Required',
      code: 'PRECONDITION_REQUIRED',
      errors: [{ field: 'If-Match', message: 'If-Match is required' }],
    });
    expect(problem.body.detail).toContain('If-Match');
  });

  it('refuses anything but an ETag this API issues', () => {
    for (const header of ['', 'garbage', '"abc"', '"-1"', '"1", "2"', '"99999999999999"']) {
      expect(
        catchError(() => versionFromIfMatch(header)),
        header,
      ).toMatchObject({ code: 'INVALID_IF_MATCH', kind: 'invalid_input' });
    }
  });
});

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
}
