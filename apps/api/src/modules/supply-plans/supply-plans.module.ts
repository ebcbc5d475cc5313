import { Module } from '@nestjs/common';
import { SupplyPlansController } from './supply-plans.controller';
import { SupplyPlansService } from './supply-plans.service';

/** Monthly supply plans per partner country and plan vs actual (deliveries and delivered systems). */
@Module({
  controllers: [SupplyPlansController],
  providers: [SupplyPlansService],
  exports: [SupplyPlansService],
})
export class SupplyPlansModule {}
