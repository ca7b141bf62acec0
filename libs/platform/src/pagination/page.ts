import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from '../errors/domain-error.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `limit` and `cursor` of every list; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export type CursorValue = string | number | null;

/** An opaque keyset cursor: the sort key of the last row of a page. */
export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` values; anything else is a 400 on `cursor`. */
export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  // Made only when refused: an error captures the stack, which every page of a list would pay for.
  const invalid = () => new ValidationFailedError([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
    throw invalid();
  }
  return values as CursorValue[];
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says that another page exists,
 * and the cursor is the sort key of the last row returned.
 */
export function toPage<R, T>(rows: readonly R[], limit: number, sortKey: (row: R) => CursorValue[], map: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null,
  };
}
