import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ResidentAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, ResidentOnly } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination/page-query.dto';
import { NoticePage, SubscriptionsDto, TemplateIdList } from './dto/notice.dto';
import { NoticeInbox } from './notice-inbox.service';
import { NoticeKind } from '@yizhan/shared';

@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(
    private readonly inbox: NoticeInbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notices')
  @ResidentOnly()
  @ApiOkResponse({ type: NoticePage })
  async list(@Caller() auth: ResidentAuth, @Query() query: PageQuery): Promise<NoticePage> {
    const [page, unread] = await Promise.all([this.inbox.list(auth, query), this.inbox.unreadCount(auth)]);
    return { ...page, unread };
  }

  /** 全部已读 on the 消息 page. */
  @Post('notices/read-all')
  @ResidentOnly()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ marked: how many lines were unread }' })
  async readAll(@Caller() auth: ResidentAuth): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(auth) };
  }

  @Post('notices/:id/read')
  @ResidentOnly()
  @HttpCode(204)
  @ApiNoContentResponse()
  read(@Caller() auth: ResidentAuth, @Param() { id }: IdParam): Promise<void> {
    return this.inbox.markRead(auth, id);
  }

  @Post('subscriptions')
  @ResidentOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'each accept is one send credit for that template' })
  subscribe(@Caller() auth: ResidentAuth, @Body() dto: SubscriptionsDto): Promise<void> {
    return this.inbox.recordSubscriptions(auth, dto.results);
  }

  /** The template ids the mini-program asks the resident to accept (this deployment's, from WECHAT_TEMPLATES). */
  @Get('notices/templates')
  @Authenticated()
  @ApiOkResponse({ type: TemplateIdList })
  templates(): TemplateIdList {
    return {
      items: Object.entries(this.config.wechatTemplates).map(([kind, spec]) => ({ kind: kind as NoticeKind, templateId: spec!.templateId })),
    };
  }
}
