import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumberString, IsOptional } from 'class-validator';
import { ROOM_BINDING_STATUSES, RoomBindingStatus } from '@yizhan/shared';
import { PageQuery } from '../../../common/pagination/page-query.dto';

export class RoomBindingView {
  @ApiProperty() id: string;
  @ApiProperty() residentId: string;
  @ApiProperty() roomId: string;
  @ApiProperty() roomLabel: string;
  @ApiProperty() communityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '138****1234' }) phoneMasked: string;
  @ApiProperty({ enum: ROOM_BINDING_STATUSES }) status: RoomBindingStatus;
  @ApiProperty() createdAt: string;
}

export class RoomBindingPage {
  @ApiProperty({ type: [RoomBindingView] }) items: RoomBindingView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RoomBindingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROOM_BINDING_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ROOM_BINDING_STATUSES)
  status?: RoomBindingStatus;

  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) communityId?: string;
}
