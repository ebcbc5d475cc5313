import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import type { Env } from './config/env';
import { PinoNestLogger, rootLogger } from './common/logger';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { type RequestContext, requestContext } from './common/request-context';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Builds the configured application (used by main.ts and by the integration tests). */
export async function createApp(env: Env, databaseUrl: string): Promise<NestExpressApplication> {
  const logger = rootLogger(env.LOG_LEVEL, env.LOG_FORMAT);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, databaseUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('query parser', 'simple');
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');

  // request id, context for audit rows, one structured access-log line per request
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const ctx: RequestContext = { requestId, ip: req.ip ?? null };
    res.on('finish', () => {
      if (!req.originalUrl.startsWith('/api')) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          userId: ctx.user?.id ?? null,
        },
        'request',
      );
    });
    requestContext.run(ctx, next);
  });

  app.useSecurityHeaders();
  const trusted = [
    `http://localhost:${env.PORT}`,
    `http://127.0.0.1:${env.PORT}`,
    ...env.TRUSTED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
  app.enableCsrfProtection({ trustedOrigins: trusted });
  const cors = env.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (cors.length > 0) app.enableCors({ origin: cors, credentials: true });

  // JSON only here: the CSV import routes read their text/csv body after authentication (BodyTypeGuard)
  app.useBodyParser('json', { limit: env.BODY_LIMIT });
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());

  const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  app.useStaticAssets(swaggerDir, { prefix: '/api/docs/assets/', index: false });

  const webDist = path.resolve(env.WEB_DIST);
  if (existsSync(path.join(webDist, 'index.html'))) {
    // never serve source maps, even if a build left some behind
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path.startsWith('/api') || !req.path.toLowerCase().endsWith('.map')) return next();
      res.status(404).type('text/plain').send('Not Found');
    });
    app.useStaticAssets(webDist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    // single-page app: every non-API GET answers index.html
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }
  return app;
}
