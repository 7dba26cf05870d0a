import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { PushQuery, WechatPushService } from './wechat-push.service';

/**
 * WeChat's message push (WECHAT.md): GET is the console's URL check, POST carries
 * events. Answers "success" quickly; the checks and the de-duplication are the service's.
 */
@ApiExcludeController()
@Controller('wechat/push')
export class WechatPushController {
  constructor(private readonly push: WechatPushService) {}

  @Get()
  @Public()
  verify(@Query() q: PushQuery, @Res() res: Response): void {
    const echo = this.push.verifyUrl(q); // checked before the answer's type is set, so a refusal is JSON
    res.type('text/plain').send(echo);
  }

  @Post()
  @Public()
  @HttpCode(200)
  async receive(@Query() q: PushQuery, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await this.push.receive(q, body);
    res.type('text/plain').send('success');
  }
}
