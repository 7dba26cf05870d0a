import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/id-param';
import { readTable } from '../../common/spreadsheet';
import { CreatePlaceDto, PlaceImportQuery, PlaceImportResult, PlaceList, PlaceView, UpdatePlaceDto } from './places.dto';
import { PlacesService } from './places.service';

/** 公共场所: every staff member of the community reads the list; admins keep it. */
@ApiTags('admin')
@Controller('admin')
export class PlacesAdminController {
  constructor(private readonly places: PlacesService) {}

  @Get('communities/:id/places')
  @StaffOnly()
  @ApiOkResponse({ type: PlaceList })
  list(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<PlaceList> {
    return this.places.list(auth, id);
  }

  @Post('communities/:id/places')
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: PlaceView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CreatePlaceDto): Promise<PlaceView> {
    return this.places.create(auth, meta, id, dto);
  }

  @Patch('places/:id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: PlaceView })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdatePlaceDto): Promise<PlaceView> {
    return this.places.update(auth, meta, id, dto);
  }

  @Post('communities/:id/places/import')
  @StaffOnly('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: PlaceImportResult })
  async import(
    @Caller() auth: StaffAuth,
    @Meta() meta: RequestMeta,
    @Param() { id }: IdParam,
    @Query() query: PlaceImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<PlaceImportResult> {
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件', { file: ['required'] });
    return this.places.import(auth, meta, id, await readTable(file), query.dryRun === 'true');
  }
}
