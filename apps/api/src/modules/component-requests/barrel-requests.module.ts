import { Module } from '@nestjs/common';
import { BarrelRequestsController } from './barrel-requests.controller';
import { BarrelRequestsService } from './barrel-requests.service';

/** The daily automatic barrel requests (and running them by hand). */
@Module({
  controllers: [BarrelRequestsController],
  providers: [BarrelRequestsService],
  exports: [BarrelRequestsService],
})
export class BarrelRequestsModule {}
