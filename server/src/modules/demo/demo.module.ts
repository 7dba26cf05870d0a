import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CommunitiesModule } from '../communities/communities.module';
import { ContactsModule } from '../contacts/contacts.module';
import { DutyModule } from '../duty/duty.module';
import { FilesModule } from '../files/files.module';
import { ResidentsModule } from '../residents/residents.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DemoDataLoader } from './demo-data';

/** The README's demo community (翠湖花园), filed through the product's own services on first start (DEMO_DATA). */
@Module({
  imports: [AuthModule, CatalogueModule, CommunitiesModule, ContactsModule, DutyModule, FilesModule, ResidentsModule, StaffModule, TicketsModule],
  providers: [DemoDataLoader],
  exports: [DemoDataLoader],
})
export class DemoModule {}
