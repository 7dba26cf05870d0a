import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { CatalogueService } from './catalogue.service';
import { CreateServiceItemDto, ServiceItemList, ServiceItemQuery, ServiceItemView, SlotList, SlotQuery, UpdateServiceItemDto } from './catalogue.dto';

/** What residents book from: the community's active services and their free slots. */
@ApiTags('resident')
@Authenticated()
@Controller('service-items')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOkResponse({ type: ServiceItemList })
  async list(@Query() query: ServiceItemQuery): Promise<ServiceItemList> {
    return { items: await this.catalogue.listActive(query.communityId), nextCursor: null };
  }

  @Get(':id/slots')
  @ApiOkResponse({ type: SlotList })
  async slots(@Param() { id }: IdParam, @Query() query: SlotQuery): Promise<SlotList> {
    return { items: await this.catalogue.slots(id, query.date) };
  }
}

@ApiTags('admin')
@Controller('admin/service-items')
export class CatalogueAdminController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: ServiceItemList })
  async list(@Caller() auth: StaffAuth, @Query() query: ServiceItemQuery): Promise<ServiceItemList> {
    return { items: await this.catalogue.listAll(auth, query.communityId), nextCursor: null };
  }

  @Post()
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: ServiceItemView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateServiceItemDto): Promise<ServiceItemView> {
    return this.catalogue.create(auth, meta, dto);
  }

  @Patch(':id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: ServiceItemView })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdateServiceItemDto): Promise<ServiceItemView> {
    return this.catalogue.update(auth, meta, id, dto);
  }
}
