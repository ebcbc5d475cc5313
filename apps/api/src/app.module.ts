import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENV, type Env } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BarrelRequestsModule } from './modules/component-requests/barrel-requests.module';
import { ComponentRequestsModule } from './modules/component-requests/component-requests.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { HealthModule } from './modules/health/health.module';
import { HousekeepingModule } from './modules/housekeeping/housekeeping.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PartnerReportsModule } from './modules/partner-reports/partner-reports.module';
import { ReferenceDataModule } from './modules/reference-data.module';
import { RepairJobsModule } from './modules/repair-jobs/repair-jobs.module';
import { SupplyPlansModule } from './modules/supply-plans/supply-plans.module';
import { SystemsModule } from './modules/systems/systems.module';
import { TrainingReportsModule } from './modules/training/training-reports.module';
import { TrainingModule } from './modules/training/training.module';
import { UsersModule } from './modules/users/users.module';
import { DocsController } from './openapi/docs.controller';

@Module({})
export class AppModule {
  static forRoot(env: Env, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: databaseUrl,
            replicaUrls: env.DATABASE_REPLICA_URLS,
            poolSize: env.DB_POOL_SIZE,
            statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
          }),
        ),
        AuditModule,
        AuthModule,
        IdempotencyModule,
        HealthModule,
        HousekeepingModule,
        UsersModule,
        ReferenceDataModule,
        RepairJobsModule,
        SystemsModule,
        ComponentRequestsModule,
        BarrelRequestsModule,
        SupplyPlansModule,
        TrainingModule,
        TrainingReportsModule,
        PartnerReportsModule,
        NotificationsModule,
        DashboardModule,
      ],
      controllers: [DocsController],
      providers: [{ provide: ENV, useValue: env }],
      exports: [ENV],
    };
  }
}
