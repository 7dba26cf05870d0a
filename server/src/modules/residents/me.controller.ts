import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, ResidentAuth } from '../../common/auth/auth-context';
import { Caller, Meta, ResidentOnly } from '../../common/auth/decorators';
import { BindRoomDto, BindRoomResult, MeView, PhoneCodeDto, PhoneMaskedView } from './dto/resident.dto';
import { PrivacyService } from './privacy.service';
import { ResidentsService } from './residents.service';

@ApiTags('resident')
@ResidentOnly()
@Controller('me')
export class MeController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly privacy: PrivacyService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeView })
  me(@Caller() auth: ResidentAuth): Promise<MeView> {
    return this.residents.me(auth);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiOkResponse({ type: PhoneMaskedView })
  bindPhone(@Caller() auth: ResidentAuth, @Body() dto: PhoneCodeDto): Promise<PhoneMaskedView> {
    return this.residents.bindPhone(auth, dto.code);
  }

  @Post('rooms')
  @ApiCreatedResponse({ type: BindRoomResult })
  bindRoom(@Caller() auth: ResidentAuth, @Body() dto: BindRoomDto): Promise<BindRoomResult> {
    return this.residents.bindRoom(auth, dto);
  }

  /** PIPL "delete my data": personal data erased at once; requests kept, anonymised, for statistics. */
  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse()
  erase(@Caller() auth: ResidentAuth, @Meta() meta: RequestMeta): Promise<void> {
    return this.privacy.eraseMe(auth, meta);
  }
}
