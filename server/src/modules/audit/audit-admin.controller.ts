import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../../common/auth/decorators';
import { AuditLogPage, AuditLogQuery } from './audit.dto';
import { AuditService } from './audit.service';

/** Read-only: the audit log has no update or delete route, by design. */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('admin/audit-logs')
export class AuditAdminController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPage })
  list(@Query() query: AuditLogQuery): Promise<AuditLogPage> {
    return this.audit.list(query);
  }
}
