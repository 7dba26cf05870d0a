import { Module } from '@nestjs/common';
import { TableSweeper } from './table-sweeper.service';

/** Keeps the growing tables bounded (TableSweeper). */
@Module({ providers: [TableSweeper], exports: [TableSweeper] })
export class HousekeepingModule {}
