import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { CommunitiesService } from './communities.service';
import { CommunityListView, RoomOptionList, RoomSearchQuery } from './dto/community.dto';

/** What the mini-program's binding picker needs. */
@ApiTags('resident')
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: CommunityListView })
  list(): Promise<CommunityListView> {
    return this.communities.publicList();
  }

  @Get(':id/rooms')
  @Authenticated()
  @ApiOkResponse({ type: RoomOptionList })
  rooms(@Param() { id }: IdParam, @Query() query: RoomSearchQuery): Promise<RoomOptionList> {
    return this.communities.roomOptions(id, query.q);
  }
}
