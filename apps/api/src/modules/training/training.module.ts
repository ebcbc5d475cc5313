import { Module } from '@nestjs/common';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { PersonnelController } from './personnel.controller';
import { PersonnelService } from './personnel.service';

/** Training: courses, personnel (and their import and qualifications), cohorts, enrollments. */
@Module({
  controllers: [CoursesController, PersonnelController, CohortsController],
  providers: [CoursesService, PersonnelService, CohortsService],
  exports: [CoursesService, PersonnelService, CohortsService],
})
export class TrainingModule {}
