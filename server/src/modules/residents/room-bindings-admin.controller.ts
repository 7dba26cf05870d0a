import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { BindRoomResult } from './dto/resident.dto';
import { RoomBindingPage, RoomBindingQuery } from './dto/room-binding.dto';
import { ResidentsService } from './residents.service';

@ApiTags('admin')
@StaffOnly('agent', 'supervisor', 'admin')
@Controller('admin/room-bindings')
export class RoomBindingsAdminController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @ApiOkResponse({ type: RoomBindingPage })
  list(@Caller() auth: StaffAuth, @Query() query: RoomBindingQuery): Promise<RoomBindingPage> {
    return this.residents.listBindings(auth, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: BindRoomResult })
  approve(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<BindRoomResult> {
    return this.residents.reviewBinding(auth, meta, id, 'approved');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: BindRoomResult })
  reject(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<BindRoomResult> {
    return this.residents.reviewBinding(auth, meta, id, 'rejected');
  }
}
