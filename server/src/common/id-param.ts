import { ApiProperty } from '@nestjs/swagger';
import { IsNumberString, MaxLength } from 'class-validator';

/** `:id` path parameters are decimal 64-bit ids; anything else is a 400, not a database error. */
export class IdParam {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) id: string;
}
