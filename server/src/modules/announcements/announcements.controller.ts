import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ResidentAuth } from '../../common/auth/auth-context';
import { Caller, ResidentOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { ResidentAnnouncementList } from './announcements.dto';
import { AnnouncementsService } from './announcements.service';

@ApiTags('resident')
@ResidentOnly()
@Controller('me/announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  /** Valid announcements of the resident's rooms' areas, pinned first (home page and 消息). */
  @Get()
  @ApiOkResponse({ type: ResidentAnnouncementList })
  list(@Caller() auth: ResidentAuth): Promise<ResidentAnnouncementList> {
    return this.announcements.forResident(auth);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ marked }' })
  async readAll(@Caller() auth: ResidentAuth): Promise<{ marked: number }> {
    return { marked: await this.announcements.markAllRead(auth) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'counted once per resident' })
  read(@Caller() auth: ResidentAuth, @Param() { id }: IdParam): Promise<void> {
    return this.announcements.markRead(auth, id);
  }
}
