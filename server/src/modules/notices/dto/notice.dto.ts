import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { NOTICE_KINDS, NoticeKind, SUBSCRIBE_RESULTS, SubscribeResult } from '@yizhan/shared';
import { PageQuery } from '../../../common/pagination/page-query.dto';
import { STAFF_NOTICE_KINDS, StaffNoticeKind } from '../notice.entities';

export class NoticeView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) ticketId: string | null;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}
export class NoticePage {
  @ApiProperty({ type: [NoticeView] }) items: NoticeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'unread notices in the whole inbox' }) unread: number;
}
export class SubscriptionsDto {
  @ApiProperty({
    description: 'what wx.requestSubscribeMessage answered, per template id',
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SUBSCRIBE_RESULTS] },
    example: { tpl_accepted: 'accept', tpl_resolved: 'reject' },
  })
  @IsObject()
  results: Record<string, SubscribeResult>;
}
export class TemplateIdView {
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() templateId: string;
}
export class TemplateIdList {
  @ApiProperty({ type: [TemplateIdView], description: 'ask for at most 3 per wx.requestSubscribeMessage call' }) items: TemplateIdView[];
}

export class StaffNoticeView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: STAFF_NOTICE_KINDS }) kind: StaffNoticeKind;
  @ApiProperty({ example: 'ticket.routed', description: 'event name on the stream' }) type: string;
  @ApiProperty({ type: String, nullable: true }) ticketId: string | null;
  @ApiProperty({ type: String, nullable: true }) no: string | null;
  @ApiProperty({ type: String, nullable: true }) roomLabel: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}
export class StaffNoticePage {
  @ApiProperty({ type: [StaffNoticeView] }) items: StaffNoticeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class StaffNoticeQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() unread?: boolean;
}
