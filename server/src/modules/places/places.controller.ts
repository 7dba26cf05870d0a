import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { LocationOptions } from './places.dto';
import { PlacesService } from './places.service';

/** What the request forms offer as "where": the mini-program's and the staff intake's public areas. */
@ApiTags('resident')
@Controller('communities')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get(':id/locations')
  @Authenticated()
  @ApiOkResponse({ type: LocationOptions })
  locations(@Param() { id }: IdParam): Promise<LocationOptions> {
    return this.places.options(id);
  }
}
