import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueAdminController, CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { ServiceItem } from './service-item.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceItem]), AuditModule],
  controllers: [CatalogueController, CatalogueAdminController],
  providers: [CatalogueService],
  exports: [CatalogueService],
})
export class CatalogueModule {}
