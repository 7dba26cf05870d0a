import { Body, Controller, Get, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/id-param';
import { readTable } from '../../common/spreadsheet';
import {
  CommunityQuery,
  CreatePriceItemDto,
  PriceImportResult,
  PriceItemList,
  PriceItemView,
  StatementQuery,
  TradeBillCheckView,
  TradeBillQuery,
  UnpaidList,
  UpdatePriceItemDto,
} from './payments.dto';
import { PaymentsService } from './payments.service';
import { PriceListService } from './price-list.service';
import { StatementsService, XLSX_MIME } from './statements.service';

/** The staff side of paid services: the price list, the unpaid queue, the daily statement, the trade bill check. */
@ApiTags('admin')
@Controller('admin')
export class PaymentsAdminController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly prices: PriceListService,
    private readonly statements: StatementsService,
  ) {}

  @Get('price-items')
  @StaffOnly()
  @ApiOkResponse({ type: PriceItemList })
  listPrices(@Caller() auth: StaffAuth, @Query() q: CommunityQuery): Promise<PriceItemList> {
    return this.prices.list(auth, q.communityId);
  }

  @Post('price-items')
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: PriceItemView })
  createPrice(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Body() dto: CreatePriceItemDto): Promise<PriceItemView> {
    return this.prices.create(auth, meta, dto);
  }

  @Patch('price-items/:id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: PriceItemView })
  updatePrice(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: UpdatePriceItemDto): Promise<PriceItemView> {
    return this.prices.update(auth, meta, id, dto);
  }

  @Post('price-items/import')
  @StaffOnly('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: PriceImportResult, description: 'columns 名称, 单位, 单价（元）; nothing is written while a row is bad' })
  async importPrices(
    @Caller() auth: StaffAuth,
    @Meta() meta: RequestMeta,
    @Query() q: CommunityQuery,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<PriceImportResult> {
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件', { file: ['required'] });
    return this.prices.import(auth, meta, q.communityId, await readTable(file));
  }

  @Get('payments/unpaid')
  @StaffOnly('agent', 'supervisor', 'admin')
  @ApiOkResponse({ type: UnpaidList })
  unpaid(@Caller() auth: StaffAuth, @Query() q: CommunityQuery): Promise<UnpaidList> {
    return this.payments.unpaid(auth, q.communityId);
  }

  @Get('payments/statement.xlsx')
  @StaffOnly('supervisor', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({
    description: '日结单-YYYYMMDD.xlsx: the day’s payments (WeChat Pay, cash, QR code), completed refunds and totals of one community',
    schema: { type: 'string', format: 'binary' },
  })
  statement(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Query() q: StatementQuery, @Res() res: Response): Promise<void> {
    return this.statements.dailyStatement(auth, meta, q.communityId, q.date, res);
  }

  @Get('payments/tradebill-check')
  @StaffOnly('admin')
  @ApiOkResponse({ type: TradeBillCheckView })
  tradeBill(@Caller() auth: StaffAuth, @Query() q: TradeBillQuery): Promise<TradeBillCheckView> {
    return this.statements.tradeBillCheck(auth, q.date);
  }
}
