import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumberString, IsString, MaxLength } from 'class-validator';
import { ROOM_BINDING_STATUSES, RoomBindingStatus } from '@yizhan/shared';

export class ResidentRoomView {
  @ApiProperty() roomId: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ example: 'A1区 3栋 2单元 1201' }) label: string;
  @ApiProperty({ enum: ROOM_BINDING_STATUSES }) status: RoomBindingStatus;
}

export class MeView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: '138****1234' }) phoneMasked: string | null;
  @ApiProperty({ type: [ResidentRoomView] }) rooms: ResidentRoomView[];
}

export class PhoneCodeDto {
  @ApiProperty({ description: 'code from the getPhoneNumber button (not the login code)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class PhoneMaskedView {
  @ApiProperty({ example: '138****1234' }) phoneMasked: string;
}

export class BindRoomDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) roomId: string;
  @ApiProperty({ description: 'name as on the roster' }) @IsString() @IsNotEmpty() @MaxLength(30) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) phone: string;
}

export class BindRoomResult {
  @ApiProperty() roomId: string;
  @ApiProperty({ enum: ['approved', 'pending'] }) status: RoomBindingStatus;
}
