import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/id-param';
import { readTable } from '../../common/spreadsheet';
import {
  BindWecomDto,
  SetWecomUseridDto,
  UpdateWecomSettingsDto,
  WecomImportResult,
  WecomOauthQuery,
  WecomOauthUrl,
  WecomSettingsPage,
  WecomSettingsView,
} from './wecom.dto';
import { WecomService } from './wecom.service';

/** A staff member's own WeCom binding and notice preferences (通知设置). */
@ApiTags('staff')
@StaffOnly()
@Controller('staff/wecom-settings')
export class WecomSettingsController {
  constructor(private readonly wecom: WecomService) {}

  @Get()
  @ApiOkResponse({ type: WecomSettingsView })
  mine(@Caller() auth: StaffAuth): Promise<WecomSettingsView> {
    return this.wecom.settingsOf(auth.staffId);
  }

  @Put()
  @ApiOkResponse({ type: WecomSettingsView })
  update(@Caller() auth: StaffAuth, @Body() dto: UpdateWecomSettingsDto): Promise<WecomSettingsView> {
    return this.wecom.updateMine(auth, dto);
  }

  /** The WeCom OAuth link that comes back to the admin pages with `?code=` (409 when WeCom is off). */
  @Get('oauth-url')
  @ApiOkResponse({ type: WecomOauthUrl })
  oauthUrl(@Query() query: WecomOauthQuery): WecomOauthUrl {
    const url = this.wecom.oauthUrl(query.back);
    if (!url) throw new AppError('WECOM_NOT_CONFIGURED', '本系统尚未接入企业微信，请联系管理员');
    return { url };
  }

  /** Binds the signed-in member to the WeCom userid behind an OAuth `code`. */
  @Post('bind')
  @HttpCode(200)
  @ApiOkResponse({ type: WecomSettingsView })
  bind(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: BindWecomDto): Promise<WecomSettingsView> {
    return this.wecom.bindByCode(auth, meta, dto.code);
  }
}

/** Admins bind members to WeCom userids (one by one or from a sheet) and see how sending goes. */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('admin/staff')
export class WecomAdminController {
  constructor(private readonly wecom: WecomService) {}

  @Get('wecom')
  @ApiOkResponse({ type: WecomSettingsPage })
  async list(): Promise<WecomSettingsPage> {
    return { items: await this.wecom.list() };
  }

  @Put(':id/wecom')
  @ApiOkResponse({ type: WecomSettingsView })
  set(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: SetWecomUseridDto): Promise<WecomSettingsView> {
    return this.wecom.setUserid(auth, meta, id, dto.userid);
  }

  @Post('wecom/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: WecomImportResult })
  async import(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @UploadedFile() file: Express.Multer.File | undefined): Promise<WecomImportResult> {
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件', { file: ['required'] });
    return this.wecom.importSheet(auth, meta, await readTable(file));
  }
}
