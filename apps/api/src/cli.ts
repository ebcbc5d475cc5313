import 'reflect-metadata';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createUserInputSchema } from '@jv/contracts';
import { latestEndedPeriods, periodsEndedOn } from '@jv/domain';
import { rootLogger } from './common/logger';
import { loadEnv } from './config/env';
import { createDataSource } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded';
import { appRoleFor } from './database/roles';
import { seedDemo } from './database/seeds/demo-seed';
import {
  dropAll,
  generateMigration,
  migrate,
  pendingSchemaChanges,
  revertLast,
  waitForMigrations,
} from './database/tasks';
import { hashPassword } from './modules/auth/passwords';
import { AuditService } from './modules/audit/audit.service';
import { BarrelRequestsService } from './modules/component-requests/barrel-requests.service';
import { PartnerReportsSchedulerService } from './modules/partner-reports/partner-reports-scheduler.service';
import { PreventiveSchedulerService } from './modules/repair-jobs/preventive-scheduler.service';
import { workshopToday } from './modules/repair-jobs/repair-jobs.rules';

/* Database and account tasks: npm run db:migrate | db:revert | db:seed | db:reset | db:check | db:generate -- Name
   | users:create-admin | jobs:preventive | jobs:barrels | reports:prepare [-- --period 2026-10]
   | wait-for-migrations [--timeout 600] (exits 1 when migrations are still pending after the timeout, seconds) */

const out = (s: string) => process.stdout.write(s + '\n');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const [task, ...rest] = process.argv.slice(2);
  const env = loadEnv();
  const logger = rootLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  // tasks run as the owner (DATABASE_MIGRATION_URL, else DATABASE_URL); migrations then grant to the app's role
  let url = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
  let appRole = env.DATABASE_URL && url ? appRoleFor(env.DATABASE_URL, url) : null;
  let stop = async () => undefined as void;
  if (!env.DATABASE_URL) {
    if (env.DATABASE_MIGRATION_URL) throw new Error('DATABASE_MIGRATION_URL is set without DATABASE_URL: set both');
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, logger });
    url = embedded.url;
    appRole = appRoleFor(embedded.appUrl, embedded.url);
    stop = embedded.stop;
  }
  if (!url) throw new Error('no database URL');
  if (task === 'wait-for-migrations') {
    // the API pod's init container: it reads as the app's role (DATABASE_URL) and changes nothing; the
    // release's migration Job migrates as the owner, and the server starts only once that is done
    const readUrl = env.DATABASE_URL ?? url;
    const seconds = Number(arg('timeout') ?? 600);
    if (!Number.isInteger(seconds) || seconds < 0) throw new Error('--timeout takes whole seconds');
    const pending = await waitForMigrations(async () => createDataSource({ url: readUrl, poolSize: 1 }).initialize(), {
      timeoutMs: seconds * 1000,
      log: out,
    });
    out(pending.length ? `Gave up: ${pending.length} migration(s) still pending.` : 'Database is up to date.');
    await stop();
    process.exit(pending.length ? 1 : 0);
  }
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  let code = 0;
  try {
    switch (task) {
      case 'migrate': {
        const ran = await migrate(ds, appRole);
        out(ran.length ? `Applied: ${ran.join(', ')}` : 'Database is up to date.');
        break;
      }
      case 'revert':
        await revertLast(ds);
        out('Reverted the last migration.');
        break;
      case 'seed':
        if (env.NODE_ENV === 'production') throw new Error('db:seed refuses to run with NODE_ENV=production');
        await migrate(ds, appRole);
        out((await seedDemo(ds)) ? 'Demo data seeded.' : 'The database already has users; demo seed skipped.');
        break;
      case 'reset':
        if (env.NODE_ENV === 'production') throw new Error('db:reset refuses to run with NODE_ENV=production');
        await dropAll(ds);
        await migrate(ds, appRole);
        await seedDemo(ds);
        out('Database dropped, migrated and seeded with demo data.');
        break;
      case 'check': {
        await migrate(ds, appRole);
        const { up } = await pendingSchemaChanges(ds);
        if (up.length) {
          out(
            'The entities and the migrations disagree. Run `npm run db:generate -- <Name>` and review the file. ' +
              'Missing SQL:',
          );
          for (const q of up) out(`  ${q}`);
          code = 1;
        } else out('Entities and migrations agree.');
        break;
      }
      case 'generate': {
        const name = rest.find((r) => !r.startsWith('-'));
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
          throw new Error('Give the migration a PascalCase name: npm run db:generate -- AddRepairJobs');
        await migrate(ds, appRole);
        const file = await generateMigration(ds, name, path.resolve(__dirname, 'database/migrations'));
        out(file ? `Wrote ${file}. Read it, then add it to database/migrations/index.ts.` : 'No schema changes.');
        break;
      }
      case 'create-admin': {
        await migrate(ds, appRole);
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const email = arg('email') ?? (await rl.question('Admin email: '));
        const displayName = arg('name') ?? (await rl.question('Display name: '));
        const password = process.env.ADMIN_PASSWORD ?? (await rl.question('Password (12+ characters): '));
        rl.close();
        const input = createUserInputSchema.safeParse({ email, displayName, password, role: 'admin', locale: 'uk' });
        if (!input.success) {
          for (const i of input.error.issues) out(`  ${i.path.join('.')}: ${i.message}`);
          code = 1;
          break;
        }
        const hash = await hashPassword(input.data.password);
        await ds.transaction(async (m) => {
          const [row] = await m.query(
            `INSERT INTO users (email, display_name, role, locale, password_hash)
             VALUES (lower($1), $2, 'admin', $3, $4)
             ON CONFLICT (email) DO NOTHING RETURNING id`,
            [input.data.email, input.data.displayName, input.data.locale, hash],
          );
          if (!row) throw new Error(`A user with email ${input.data.email} already exists`);
          await m.query(
            `INSERT INTO audit_log (actor_email, action, entity_type, entity_id, after)
             VALUES ('cli', 'create', 'user', $1, $2)`,
            [row.id, JSON.stringify({ email: input.data.email.toLowerCase(), role: 'admin' })],
          );
        });
        out(`Admin ${input.data.email} created.`);
        break;
      }
      case 'preventive': {
        const result = await new PreventiveSchedulerService(ds, new AuditService(ds), env).run();
        out(
          result.opened
            ? `Opened ${result.opened} preventive job(s): ${result.jobNumbers.join(', ')}`
            : 'No preventive job due.',
        );
        break;
      }
      case 'barrels': {
        const result = await new BarrelRequestsService(ds, env).run();
        out(
          result.due
            ? `${result.due} system(s) due for a barrel; raised ${result.created} draft request(s).`
            : 'No barrel due within its lead time.',
        );
        break;
      }
      case 'reports-prepare': {
        // --period 2026-10 | 2026-Q3; else the periods that ended yesterday, or the latest month and quarter
        const now = new Date();
        const given = arg('period');
        let periods = given ? [given] : periodsEndedOn(workshopToday(now));
        if (periods.length === 0) {
          const latest = latestEndedPeriods(workshopToday(now));
          periods = [latest.month, latest.quarter];
        }
        const result = await new PartnerReportsSchedulerService(ds, env).run(now, periods);
        out(
          result.prepared.length
            ? `Prepared ${result.prepared.length} draft report(s): ` +
                result.prepared.map((r) => `${r.partnerCode} ${r.period}`).join(', ')
            : `No draft to prepare for ${result.periods.join(', ')} (every partner has a report).`,
        );
        break;
      }
      default:
        out(
          'Usage: cli <migrate|revert|seed|reset|check|generate Name|create-admin [--email e --name n]|preventive' +
            '|barrels|reports-prepare [--period 2026-10]|wait-for-migrations [--timeout 600]>',
        );
        code = 2;
    }
  } finally {
    await ds.destroy();
    await stop();
  }
  process.exit(code);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
