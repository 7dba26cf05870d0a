import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNumberString, MaxLength } from 'class-validator';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination/page-query.dto';
import { readTable } from '../../common/spreadsheet';
import { CommunitiesService } from './communities.service';
import {
  BuildingList,
  BuildingView,
  CommunityPage,
  CommunityView,
  CreateBuildingDto,
  CreateCommunityDto,
  CreateRoomDto,
  CreateZoneDto,
  RoomImportQuery,
  RoomImportResult,
  RoomListQuery,
  RoomPage,
  RoomView,
  UpdateCommunityDto,
  UpdateRoomDto,
  ZoneList,
  ZoneView,
} from './dto/community.dto';

class RoomParams {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) id: string;
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) roomId: string;
}

/** Reading the structure is for every staff member of the community; changing it is for admins. */
@ApiTags('admin')
@Controller('admin/communities')
export class CommunitiesAdminController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: CommunityPage })
  list(@Caller() auth: StaffAuth, @Query() query: PageQuery): Promise<CommunityPage> {
    return this.communities.list(auth, query);
  }

  @Post()
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: CommunityView })
  create(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreateCommunityDto): Promise<CommunityView> {
    return this.communities.create(auth, meta, dto);
  }

  @Patch(':id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: CommunityView })
  update(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdateCommunityDto): Promise<CommunityView> {
    return this.communities.update(auth, meta, id, dto);
  }

  @Get(':id/zones')
  @StaffOnly()
  @ApiOkResponse({ type: ZoneList })
  zones(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<ZoneList> {
    return this.communities.listChildren(auth, id, 'zone') as Promise<ZoneList>;
  }

  @Post(':id/zones')
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: ZoneView })
  createZone(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CreateZoneDto): Promise<ZoneView> {
    return this.communities.createZone(auth, meta, id, dto.name);
  }

  @Get(':id/buildings')
  @StaffOnly()
  @ApiOkResponse({ type: BuildingList })
  buildings(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<BuildingList> {
    return this.communities.listChildren(auth, id, 'building') as Promise<BuildingList>;
  }

  @Post(':id/buildings')
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: BuildingView })
  createBuilding(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CreateBuildingDto): Promise<BuildingView> {
    return this.communities.createBuilding(auth, meta, id, dto);
  }

  @Get(':id/rooms')
  @StaffOnly()
  @ApiOkResponse({ type: RoomPage })
  rooms(@Caller() auth: StaffAuth, @Param() { id }: IdParam, @Query() query: RoomListQuery): Promise<RoomPage> {
    return this.communities.listRooms(auth, id, query);
  }

  @Post(':id/rooms')
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: RoomView })
  createRoom(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CreateRoomDto): Promise<RoomView> {
    return this.communities.createRoom(auth, meta, id, dto);
  }

  @Patch(':id/rooms/:roomId')
  @StaffOnly('admin')
  @ApiOkResponse({ type: RoomView })
  updateRoom(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() p: RoomParams, @Body() dto: UpdateRoomDto): Promise<RoomView> {
    return this.communities.updateRoom(auth, meta, p.id, p.roomId, dto);
  }

  @Post(':id/rooms/import')
  @StaffOnly('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: RoomImportResult })
  async importRooms(
    @Caller() auth: StaffAuth,
    @Meta() meta: RequestMeta,
    @Param() { id }: IdParam,
    @Query() query: RoomImportQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<RoomImportResult> {
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件', { file: ['required'] });
    return this.communities.importRooms(auth, meta, id, await readTable(file), query.dryRun === 'true');
  }
}
