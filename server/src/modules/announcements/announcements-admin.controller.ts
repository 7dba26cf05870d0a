import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { AnnouncementList, AnnouncementQuery, AnnouncementView, CreateAnnouncementDto, IncidentIdParam, UpdateAnnouncementDto } from './announcements.dto';
import { AnnouncementsService } from './announcements.service';

/** 公告: agents, supervisors and admins publish; the list carries each one's read count. */
@ApiTags('admin')
@StaffOnly('agent', 'supervisor', 'admin')
@Controller('admin/announcements')
export class AnnouncementsAdminController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ApiOkResponse({ type: AnnouncementList })
  async list(@Caller() auth: StaffAuth, @Query() query: AnnouncementQuery): Promise<AnnouncementList> {
    return { items: await this.announcements.list(auth, query.communityId), nextCursor: null };
  }

  @Post()
  @ApiCreatedResponse({ type: AnnouncementView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.create(auth, meta, dto);
  }

  /** One click on the incident page: the incident's area and text, pinned, until a day after its (expected) end. */
  @Post('from-incident/:incidentId')
  @ApiCreatedResponse({ type: AnnouncementView })
  fromIncident(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { incidentId }: IncidentIdParam): Promise<AnnouncementView> {
    return this.announcements.fromIncident(auth, meta, incidentId);
  }

  @Get(':id')
  @ApiOkResponse({ type: AnnouncementView })
  get(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<AnnouncementView> {
    return this.announcements.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AnnouncementView, description: 'endsAt: now withdraws it' })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdateAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.update(auth, meta, id, dto);
  }
}
