import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ResidentAuth } from '../../common/auth/auth-context';
import { Caller, ResidentOnly } from '../../common/auth/decorators';
import { ResidentIncidentList } from './incidents.dto';
import { IncidentViews } from './incident-views.service';

@ApiTags('resident')
@Controller('me/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentViews) {}

  /** Planned and active incidents of the resident's rooms (and those resolved in the last day), for the home page and 消息. */
  @Get()
  @ResidentOnly()
  @ApiOkResponse({ type: ResidentIncidentList })
  async list(@Caller() auth: ResidentAuth): Promise<ResidentIncidentList> {
    return { items: await this.incidents.forResident(auth) };
  }
}
