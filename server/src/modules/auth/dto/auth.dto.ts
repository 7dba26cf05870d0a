import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@yizhan/shared';
import { ResidentRoomView } from '../../residents/dto/resident.dto';

export class WechatLoginDto {
  @ApiProperty({ description: 'code from wx.login (valid 5 minutes, once)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class StaffLoginDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) username: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}

export class StaffWechatBindDto extends StaffLoginDto {
  @ApiProperty({ description: 'code from wx.login (valid 5 minutes, once)' }) @IsString() @IsNotEmpty() @MaxLength(128) code: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) refreshToken: string;
}

export class ResidentLoginInfo {
  @ApiProperty() id: string;
  @ApiProperty() phoneBound: boolean;
  @ApiProperty({ type: [ResidentRoomView] }) rooms: ResidentRoomView[];
}

export class WechatLoginResult {
  @ApiProperty() token: string;
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
  @ApiProperty({ type: ResidentLoginInfo }) resident: ResidentLoginInfo;
}

export class StaffProfileView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: StaffRole[];
  @ApiProperty({ type: [String] }) communityIds: string[];
}

export class StaffLoginResult {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: StaffProfileView }) staff: StaffProfileView;
}
