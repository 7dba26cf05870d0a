import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CursorValue, decodeCursor } from '@yizhan/shared';
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
