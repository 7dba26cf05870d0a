import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { CreateStaffDto, StaffPage, StaffQuery, StaffView, UpdateStaffDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

/** Any staff member may list colleagues of their communities (dispatch and transfer pickers); only admins change accounts. */
@ApiTags('admin')
@Controller('admin/staff')
export class StaffAdminController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: StaffPage })
  list(@Caller() auth: StaffAuth, @Query() query: StaffQuery): Promise<StaffPage> {
    return this.staff.list(auth, query);
  }

  @Post()
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: StaffView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateStaffDto): Promise<StaffView> {
    return this.staff.create(auth, meta, dto);
  }

  @Patch(':id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: StaffView })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdateStaffDto): Promise<StaffView> {
    return this.staff.update(auth, meta, id, dto);
  }

  /** Ends the account's binding to a WeChat user: the mini-program's staff side asks for the password again. */
  @Delete(':id/wechat')
  @StaffOnly('admin')
  @ApiOkResponse({ type: StaffView })
  unbindWechat(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<StaffView> {
    return this.staff.unbindWechat(auth, meta, id);
  }
}
