import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { SlaPolicyService } from './sla-policy.service';
import { SlaPolicyList, SlaPolicyQuery, SlaPolicyView, UpsertSlaPolicyDto } from './sla.dto';

@ApiTags('admin')
@StaffOnly('supervisor', 'admin')
@Controller('admin/sla-policies')
export class SlaAdminController {
  constructor(private readonly policies: SlaPolicyService) {}

  @Get()
  @ApiOkResponse({ type: SlaPolicyList, description: 'every type × priority, defaults included' })
  async list(@Caller() auth: StaffAuth, @Query() query: SlaPolicyQuery): Promise<SlaPolicyList> {
    return { items: await this.policies.list(auth, query.communityId), nextCursor: null };
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: SlaPolicyView })
  upsert(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: UpsertSlaPolicyDto): Promise<SlaPolicyView> {
    return this.policies.upsert(auth, meta, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'back to the default' })
  remove(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<void> {
    return this.policies.remove(auth, meta, id);
  }
}
