import { Global, Module } from '@nestjs/common';
import { ContentCheckService } from './content-check.service';
import { WechatClient } from './wechat.client';
import { WechatPushController, WechatPushEvents } from './wechat-push.controller';

@Global()
@Module({
  controllers: [WechatPushController],
  providers: [WechatClient, ContentCheckService, WechatPushEvents],
  exports: [WechatClient, ContentCheckService, WechatPushEvents],
})
export class WechatModule {}
