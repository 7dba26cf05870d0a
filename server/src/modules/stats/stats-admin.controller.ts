import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { StatsQuery, StatsView, TicketExportQuery } from './dto/stats.dto';
import { StatsService } from './stats.service';
import { TicketExportService, XLSX_MIME } from './ticket-export.service';

/** API.md "Admin": statistics of one community (supervisors; admins for any community). */
@ApiTags('admin')
@StaffOnly('supervisor', 'admin')
@Controller('admin/stats')
export class StatsAdminController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOkResponse({ type: StatsView })
  get(@Caller() auth: StaffAuth, @Query() query: StatsQuery): Promise<StatsView> {
    return this.stats.stats(auth, query);
  }
}

/** API.md "Admin": the filtered ticket list as an Excel file. */
@ApiTags('admin')
@StaffOnly('supervisor', 'admin')
@Controller('admin/reports')
export class ReportsAdminController {
  constructor(private readonly exporter: TicketExportService) {}

  @Get('tickets.xlsx')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({
    description: '工单导出-YYYYMMDD.xlsx: the GET /tickets filters, Asia/Shanghai times, at most 50,000 rows',
    schema: { type: 'string', format: 'binary' },
  })
  ticketsXlsx(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Query() query: TicketExportQuery, @Res() res: Response): Promise<void> {
    return this.exporter.export(auth, meta, query, res);
  }
}
