import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, ResidentOnly, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { WriteLimit } from '../../common/rate-limit/rate-limit';
import { MergeDto, PublicRequestList, RatingDto, SameSpotQuery, TicketDetailView, TicketPage } from './dto/ticket.dto';
import { FollowersService } from './followers.service';

/** 我也遇到 (residents) and 合并 (staff): one public problem, one request, many residents told. */
@ApiTags('tickets')
@Controller()
export class FollowersController {
  constructor(private readonly followers: FollowersService) {}

  @Get('me/public-requests')
  @ResidentOnly()
  @ApiOkResponse({ type: PublicRequestList })
  sameSpot(@Caller() auth: ResidentAuth, @Query() query: SameSpotQuery): Promise<PublicRequestList> {
    return this.followers.sameSpot(auth, query);
  }

  @Get('me/following')
  @ResidentOnly()
  @ApiOkResponse({ type: TicketPage })
  following(@Caller() auth: ResidentAuth): Promise<TicketPage> {
    return this.followers.following(auth);
  }

  @Post('tickets/:id/follow')
  @ResidentOnly()
  @WriteLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  follow(@Caller() auth: ResidentAuth, @Param() { id }: IdParam): Promise<TicketDetailView> {
    return this.followers.follow(auth, id);
  }

  @Delete('tickets/:id/follow')
  @ResidentOnly()
  @HttpCode(204)
  @ApiNoContentResponse()
  unfollow(@Caller() auth: ResidentAuth, @Param() { id }: IdParam): Promise<void> {
    return this.followers.unfollow(auth, id);
  }

  @Post('tickets/:id/follow/rating')
  @ResidentOnly()
  @WriteLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  rate(@Caller() auth: ResidentAuth, @Param() { id }: IdParam, @Body() dto: RatingDto): Promise<TicketDetailView> {
    return this.followers.rate(auth, id, dto);
  }

  @Post('tickets/:id/merge')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  merge(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: MergeDto): Promise<TicketDetailView> {
    return this.followers.merge(auth, meta, id, dto);
  }
}
