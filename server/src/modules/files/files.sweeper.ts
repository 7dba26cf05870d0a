import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { FilesService } from './files.service';

const FIRST_RUN_MS = 60_000;
const EVERY_MS = 3600_000;

/**
 * Runs the sweep of unattached uploads a minute after start and then hourly on every
 * instance; the sweep itself is safe to run concurrently (see FilesService.sweep).
 */
@Injectable()
export class FilesSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Files');
  private readonly task = new PeriodicTask('photo sweep', this.logger, async () => {
    await this.files.sweep();
    return false;
  });

  constructor(private readonly files: FilesService) {}

  onApplicationBootstrap(): void {
    this.task.start(EVERY_MS, FIRST_RUN_MS);
  }

  /** Before the pool closes: the pass in hand finishes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
