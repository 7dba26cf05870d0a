import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta } from '../../common/auth/auth-context';
import { Meta, Public } from '../../common/auth/decorators';
import { LoginLimit } from '../../common/rate-limit/rate-limit';
import { AuthService } from './auth.service';
import { RefreshDto, StaffLoginDto, StaffLoginResult, WechatLoginDto, WechatLoginResult } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat/login') @Public() @LoginLimit() @HttpCode(200) @ApiOkResponse({ type: WechatLoginResult })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<WechatLoginResult> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('staff/login') @Public() @LoginLimit() @HttpCode(200) @ApiOkResponse({ type: StaffLoginResult })
  staffLogin(@Meta() meta: RequestMeta, @Body() dto: StaffLoginDto): Promise<StaffLoginResult> {
    return this.auth.staffLogin(meta, dto.username, dto.password);
  }

  @Post('staff/refresh') @Public() @LoginLimit() @HttpCode(200) @ApiOkResponse({ type: StaffLoginResult })
  refresh(@Meta() meta: RequestMeta, @Body() dto: RefreshDto): Promise<StaffLoginResult> {
    return this.auth.refresh(meta, dto.refreshToken);
  }
}
