import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '../../common/auth/decorators';
import { PaymentsService } from './payments.service';

/**
 * WeChat Pay's notifications (payments and refunds). The signature covers the raw body, so
 * it is read as received; 204 once recorded, 401 NOTIFICATION_INVALID for anything forged
 * or replayed (WeChat Pay retries only what it thinks failed, and never a forgery's).
 */
@ApiExcludeController()
@Controller('payments/wechatpay')
export class WechatpayNotifyController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('notify')
  @Public()
  @HttpCode(204)
  async notify(@Req() req: RawBodyRequest<Request>): Promise<void> {
    await this.payments.notification(req.headers, req.rawBody?.toString('utf8'));
  }
}
