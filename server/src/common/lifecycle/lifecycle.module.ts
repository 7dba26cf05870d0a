import { Global, Module } from '@nestjs/common';
import { DrainService } from './drain.service';

/** Graceful shutdown (DrainService), available to every module; createApp installs its middleware. */
@Global()
@Module({ providers: [DrainService], exports: [DrainService] })
export class LifecycleModule {}
