import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { WECOM_BINDING_SOURCES, WecomBindingSource } from './wecom.entities';
import { WECOM_KIND_LABELS } from './wecom-kinds';
import type { StaffNoticeKind } from '../notices/notice.entities';

const KINDS = Object.keys(WECOM_KIND_LABELS);
/** A WeCom userid (账号): letters, digits and _ - . @, as the address book allows. */
const USERID = /^[A-Za-z0-9_.@-]{1,64}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class WecomKindSetting {
  @ApiProperty({ enum: KINDS }) kind: StaffNoticeKind;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'urgent kinds always go, through quiet hours, and cannot be turned off' }) urgent: boolean;
  @ApiProperty() on: boolean;
}

/** One staff member's WeCom side: binding, preferences and the last outcome. */
export class WecomSettingsView {
  @ApiProperty({ description: 'WeCom is configured on this server' }) enabled: boolean;
  @ApiProperty() staffId: string;
  @ApiProperty({ type: String, nullable: true }) userid: string | null;
  @ApiProperty({ enum: WECOM_BINDING_SOURCES, nullable: true }) boundVia: WecomBindingSource | null;
  @ApiProperty({ type: String, nullable: true }) boundAt: string | null;
  @ApiProperty({ type: [WecomKindSetting] }) kinds: WecomKindSetting[];
  @ApiProperty({ type: String, nullable: true, example: '22:00' }) quietStart: string | null;
  @ApiProperty({ type: String, nullable: true, example: '07:00' }) quietEnd: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the last final failure (e.g. 81013), with WeCom’s errmsg' }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'what lastError means and what to do, in Chinese' }) lastErrorReason: string | null;
  @ApiProperty({ type: String, nullable: true }) lastErrorAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastSentAt: string | null;
  @ApiProperty({ type: Number, description: 'messages still waiting to go (held for quiet hours, backing off …)' }) pending: number;
}

export class WecomSettingsPage {
  @ApiProperty({ type: [WecomSettingsView] }) items: WecomSettingsView[];
}

export class UpdateWecomSettingsDto {
  @ApiProperty({ type: [String], description: 'kinds to receive; urgent kinds are always on', enum: KINDS, isArray: true })
  @IsArray()
  @ArrayMaxSize(KINDS.length)
  @ArrayUnique()
  @IsIn(KINDS, { each: true })
  kinds: string[];
  @ApiProperty({ type: String, nullable: true, example: '22:00' })
  @ValidateIf((o) => o.quietStart !== null)
  @Matches(HHMM, { message: 'quietStart must be HH:mm' })
  quietStart: string | null;
  @ApiProperty({ type: String, nullable: true, example: '07:00' })
  @ValidateIf((o) => o.quietEnd !== null)
  @Matches(HHMM, { message: 'quietEnd must be HH:mm' })
  quietEnd: string | null;
}

export class BindWecomDto {
  @ApiProperty({ description: 'the `code` WeCom OAuth put in the URL' }) @IsString() @IsNotEmpty() @MaxLength(512) code: string;
}

export class SetWecomUseridDto {
  @ApiProperty({ type: String, nullable: true, description: 'the member’s WeCom userid (账号); null unbinds' })
  @ValidateIf((o) => o.userid !== null)
  @IsString()
  @Matches(USERID, { message: 'userid must be 1–64 letters, digits, _ - . or @' })
  userid: string | null;
}

export class WecomOauthQuery {
  @ApiPropertyOptional({ description: 'admin page path to come back to, e.g. /settings/notify' })
  @IsOptional()
  @IsString()
  @Matches(/^\/[A-Za-z0-9/_-]{0,100}$/)
  back?: string;
}
export class WecomOauthUrl {
  @ApiProperty() url: string;
}

export class WecomImportError {
  @ApiProperty() row: number;
  @ApiProperty() message: string;
}
export class WecomImportResult {
  @ApiProperty({ description: 'accounts bound or changed (0 when anything was wrong: nothing is applied then)' }) updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [WecomImportError] }) errors: WecomImportError[];
}

export const isWecomUserid = (s: string) => USERID.test(s);
