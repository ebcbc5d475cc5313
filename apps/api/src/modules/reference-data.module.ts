import { Module } from '@nestjs/common';
import { ComponentsController } from './components/components.controller';
import { ComponentsService } from './components/components.service';
import { FacilitiesController } from './facilities/facilities.controller';
import { FacilitiesService } from './facilities/facilities.service';
import { JointVenturesController } from './joint-ventures/joint-ventures.controller';
import { JointVenturesService } from './joint-ventures/joint-ventures.service';
import { PartnersController } from './partners/partners.controller';
import { PartnersService } from './partners/partners.service';
import { SystemModelsController } from './system-models/system-models.controller';
import { SystemModelsService } from './system-models/system-models.service';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';

/** Reference data: partners, joint ventures, facilities, system models, components and units. */
@Module({
  controllers: [
    PartnersController,
    JointVenturesController,
    FacilitiesController,
    SystemModelsController,
    ComponentsController,
    UnitsController,
  ],
  providers: [
    PartnersService,
    JointVenturesService,
    FacilitiesService,
    SystemModelsService,
    ComponentsService,
    UnitsService,
  ],
  exports: [
    PartnersService,
    JointVenturesService,
    FacilitiesService,
    SystemModelsService,
    ComponentsService,
    UnitsService,
  ],
})
export class ReferenceDataModule {}
