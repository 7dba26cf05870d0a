import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '../../../common/validation';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumberString,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { STAFF_ROLES, STAFF_SKILLS, StaffRole } from '@yizhan/shared';
import { PageQuery } from '../../../common/pagination/page-query.dto';

export class StaffView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phoneMasked: string | null;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: StaffRole[];
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'open requests this person owns (首接)' }) openOwned: number;
  @ApiProperty({ description: 'open requests dispatched to this person' }) openAssigned: number;
  @ApiProperty({ description: 'signed in on the mini-program’s staff side (bound to a WeChat user)' }) wechatBound: boolean;
}
export class StaffPage {
  @ApiProperty({ type: [StaffView] }) items: StaffView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class StaffQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) communityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) q?: string;
}

export class CreateStaffDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username: 3–64 letters, digits, _ . -' }) username: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(128) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(STAFF_ROLES, { each: true }) roles: StaffRole[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(200) @IsNumberString({ no_symbols: true }, { each: true }) communityIds: string[];
  @ApiPropertyOptional({ enum: STAFF_SKILLS, isArray: true, example: ['水电', '门窗'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(STAFF_SKILLS, { each: true })
  skills?: string[];
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(8) @MaxLength(128) password?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(50) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles?: StaffRole[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsNumberString({ no_symbols: true }, { each: true })
  communityIds?: string[];
  @ApiPropertyOptional({ enum: STAFF_SKILLS, isArray: true }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsIn(STAFF_SKILLS, { each: true }) skills?: string[];
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}
