import { Controller } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Endpoint } from '../../common/endpoint';
import { AppError } from '../../common/errors';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Endpoint(endpoints.health.live)
  live() {
    return { status: 'ok' as const };
  }

  @Endpoint(endpoints.health.ready)
  async ready() {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', {}, 'The database does not answer', { database: 'down' });
    }
  }
}
