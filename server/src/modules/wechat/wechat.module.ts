import { Global, Module } from '@nestjs/common';
import { ContentCheckService } from './content-check.service';
import { WechatClient } from './wechat.client';
import { WechatPushController } from './wechat-push.controller';
import { WechatPushEvents, WechatPushService } from './wechat-push.service';

@Global()
@Module({
  controllers: [WechatPushController],
  providers: [WechatClient, ContentCheckService, WechatPushEvents, WechatPushService],
  exports: [WechatClient, ContentCheckService, WechatPushEvents],
})
export class WechatModule {}
