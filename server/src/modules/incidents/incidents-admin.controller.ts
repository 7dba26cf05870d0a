import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { CreateIncidentDto, IncidentDetailView, IncidentList, IncidentQuery, ResolveIncidentDto, UpdateIncidentDto } from './incidents.dto';
import { IncidentViews } from './incident-views.service';
import { IncidentsService } from './incidents.service';

/** 事件 / 停水停电: agents, supervisors and admins declare, update and resolve incidents. */
@ApiTags('admin')
@StaffOnly('agent', 'supervisor', 'admin')
@Controller('admin/incidents')
export class IncidentsAdminController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly views: IncidentViews,
  ) {}

  @Get()
  @ApiOkResponse({ type: IncidentList })
  list(@Caller() auth: StaffAuth, @Query() query: IncidentQuery): Promise<IncidentList> {
    return this.views.list(auth, query);
  }

  @Post()
  @ApiCreatedResponse({ type: IncidentDetailView, description: 'every resident bound in the area is told' })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateIncidentDto): Promise<IncidentDetailView> {
    return this.incidents.create(auth, meta, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncidentDetailView })
  detail(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<IncidentDetailView> {
    return this.views.detail(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IncidentDetailView, description: 'a new expected end, told to the area' })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdateIncidentDto): Promise<IncidentDetailView> {
    return this.incidents.update(auth, meta, id, dto);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: IncidentDetailView, description: 'told to the area; linked open requests are resolved for confirmation' })
  resolve(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ResolveIncidentDto): Promise<IncidentDetailView> {
    return this.incidents.resolve(auth, meta, id, dto);
  }
}
