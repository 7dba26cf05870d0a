import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODE_LIST, type ErrorCode } from './app-error';

/**
 * The body of every error answer (ErrorBody), as the OpenAPI document describes it: its
 * `code` is an enum of every stable code, so the generated client types know them all.
 */
export class ApiError {
  @ApiProperty({ description: 'the HTTP status again' }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODE_LIST, enumName: 'ErrorCode', description: 'stable; clients branch on this, never on the message' }) code: ErrorCode;
  @ApiProperty({ description: 'a kind Chinese sentence for the person using the app' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'VALIDATION_FAILED: each offending field and what is wrong with it',
  })
  fields?: Record<string, string[]>;
}
