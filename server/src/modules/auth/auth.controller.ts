import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta } from '../../common/auth/auth-context';
import { Meta, Public } from '../../common/auth/decorators';
import { LoginLimit } from '../../common/rate-limit/rate-limit';
import { AuthService } from './auth.service';
import { RefreshDto, StaffLoginDto, StaffLoginResult, StaffWechatBindDto, WechatLoginDto, WechatLoginResult } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat/login')
  @Public()
  @LoginLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: WechatLoginResult })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<WechatLoginResult> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('staff/login')
  @Public()
  @LoginLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResult })
  staffLogin(@Meta() meta: RequestMeta, @Body() dto: StaffLoginDto): Promise<StaffLoginResult> {
    return this.auth.staffLogin(meta, dto.username, dto.password);
  }

  /** The mini-program's staff side, first time: username + password, and this WeChat user is bound to the account. */
  @Post('staff/wechat')
  @Public()
  @LoginLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResult })
  staffWechatBind(@Meta() meta: RequestMeta, @Body() dto: StaffWechatBindDto): Promise<StaffLoginResult> {
    return this.auth.staffWechatBind(meta, dto.code, dto.username, dto.password);
  }

  /** The staff side's silent sign-in: the bound account's tokens, or 401 STAFF_NOT_BOUND. */
  @Post('staff/wechat/login')
  @Public()
  @LoginLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResult })
  staffWechatLogin(@Meta() meta: RequestMeta, @Body() dto: WechatLoginDto): Promise<StaffLoginResult> {
    return this.auth.staffWechatLogin(meta, dto.code);
  }

  @Post('staff/refresh')
  @Public()
  @LoginLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResult })
  refresh(@Meta() meta: RequestMeta, @Body() dto: RefreshDto): Promise<StaffLoginResult> {
    return this.auth.refresh(meta, dto.refreshToken);
  }
}
