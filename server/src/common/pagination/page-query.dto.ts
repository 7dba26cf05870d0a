import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CursorValue, decodeCursor, encodeCursor } from '@yizhan/shared';
import { AppError } from '../errors/app-error';

/** `?limit=&cursor=` as API.md's list conventions say: at most 100, 20 by default. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? 20;
}

/** Decodes a keyset cursor of the given arity; a malformed one is the client's error, never a 500. */
export function readCursor(cursor: string | undefined, arity: number): CursorValue[] | null {
  if (cursor === undefined || cursor === '') return null;
  const values = decodeCursor(cursor, arity);
  if (!values) throw new AppError('INVALID_CURSOR', '分页参数无效，请从第一页重新加载');
  return values;
}

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The tail of every keyset-paged list: the query read `limit + 1` rows, so an extra row means
 * there is a next page, which starts after the last row shown (its key, `byId` by default).
 */
export function keysetPage<R>(rows: R[], limit: number, keyOf: (last: R) => CursorValue[] = byId): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** The cursor of a list ordered by id alone. */
export function byId(row: unknown): CursorValue[] {
  return [String((row as { id: string | number }).id)];
}
