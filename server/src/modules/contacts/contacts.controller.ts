import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext, RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, ResidentOnly, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { HotlineAnswer, HotlineList, HotlineQuery, HotlinesDto, TicketContactsView } from './contacts.dto';
import { ContactsService } from './contacts.service';

/** The property's numbers per community and zone: read by its staff, set by admins. */
@ApiTags('admin')
@Controller('admin/communities')
export class HotlinesAdminController {
  constructor(private readonly contacts: ContactsService) {}

  @Get(':id/hotlines')
  @StaffOnly()
  @ApiOkResponse({ type: HotlineList })
  async list(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<HotlineList> {
    return { items: await this.contacts.list(auth, id) };
  }

  @Put(':id/hotlines')
  @StaffOnly('admin')
  @ApiOkResponse({ type: HotlineList })
  async replace(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: HotlinesDto): Promise<HotlineList> {
    return { items: await this.contacts.replace(auth, meta, id, dto.rows) };
  }
}

@ApiTags('resident')
@ResidentOnly()
@Controller('me')
export class MeHotlineController {
  constructor(private readonly contacts: ContactsService) {}

  /** The hotline of the room's zone at this time of day (null when the property set none). */
  @Get('hotline')
  @ApiOkResponse({ type: HotlineAnswer })
  async hotline(@Caller() auth: ResidentAuth, @Query() { roomId }: HotlineQuery): Promise<HotlineAnswer> {
    return { hotline: await this.contacts.residentHotline(auth, roomId) };
  }
}

@ApiTags('tickets')
@Authenticated()
@Controller('tickets')
export class TicketContactsController {
  constructor(private readonly service: ContactsService) {}

  @Get(':id/contacts')
  @ApiOkResponse({ type: TicketContactsView })
  contacts(@Caller() auth: AuthContext, @Param() { id }: IdParam): Promise<TicketContactsView> {
    return this.service.ticketContacts(auth, id);
  }
}
