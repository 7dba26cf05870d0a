import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { CreateDutyShiftDto, DutyShiftPage, DutyShiftQuery, DutyShiftView } from './duty.dto';
import { DutyService } from './duty.service';

@ApiTags('admin')
@Controller('admin/duty-shifts')
export class DutyAdminController {
  constructor(private readonly duty: DutyService) {}

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: DutyShiftPage })
  list(@Caller() auth: StaffAuth, @Query() query: DutyShiftQuery): Promise<DutyShiftPage> {
    return this.duty.list(auth, query);
  }

  @Post()
  @StaffOnly('supervisor', 'admin')
  @ApiCreatedResponse({ type: DutyShiftView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateDutyShiftDto): Promise<DutyShiftView> {
    return this.duty.create(auth, meta, dto);
  }

  @Put(':id')
  @StaffOnly('supervisor', 'admin')
  @ApiOkResponse({ type: DutyShiftView })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CreateDutyShiftDto): Promise<DutyShiftView> {
    return this.duty.update(auth, meta, id, dto);
  }

  @Delete(':id')
  @StaffOnly('supervisor', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<void> {
    return this.duty.remove(auth, meta, id);
  }
}
