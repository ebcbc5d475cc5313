import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { AppModule } from './app.module';
import type { Env } from './config/env';
import { PinoNestLogger, rootLogger } from './common/logger';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { type RequestContext, requestContext } from './common/request-context';
import { inlineScriptHashes } from './web-csp';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The web build's precompressed files, in the order they are preferred when the browser accepts both. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Precompressed = (typeof PRECOMPRESSED)[number];

/** The web build's files that keep their name across releases (apps/web/vite.config.mts), as sent or precompressed. */
const CHECKED_EVERY_VISIT = /^(.+\.html|sw\.js|registerSW\.js|workbox-[\w-]+\.js|manifest\.webmanifest)(\.br|\.gz)?$/;

/**
 * The variant with the highest `q` in Accept-Encoding (a tie goes to the earlier one, so brotli over gzip whatever
 * order the browser lists them in); undefined when none is accepted.
 */
function pickEncoding(acceptEncoding: string, variants: readonly Precompressed[]): Precompressed | undefined {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: Precompressed | undefined;
  let bestQ = 0;
  for (const v of variants) {
    const vq = q.get(v.encoding) ?? q.get('*') ?? 0;
    if (vq > bestQ) [best, bestQ] = [v, vq];
  }
  return best;
}

/** JSON and problem+json answers; CSV downloads stream as they are, PDFs are compressed already. */
const COMPRESSIBLE = /^application\/(?:[\w.+-]+\+)?json\b/i;

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
  // no ETag on API answers: Express hashes every JSON body (a 200-row page too), and a 304 would save only the
  // transfer, the page is queried and serialised either way; static files keep theirs, documents set their own
  app.set('etag', false);

  // the access line holds only the fields below, none of them secret: redacting it by path costs more
  // than the rest of the line (about 0.1 ms a request)
  const accessLog = logger.child({}, { redact: { paths: [], censor: '[redacted]' } });
  // request id, context for audit rows, one structured access-log line per request
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const ctx: RequestContext = { requestId, ip: req.ip ?? null };
    res.on('finish', () => {
      if (!req.originalUrl.startsWith('/api')) return;
      accessLog.info(
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

  // API JSON (a 50-row list is ~40 KB) goes out compressed, from 1 KB up, brotli 4 or gzip 6 (fast levels: the
  // body is built per request); the web files are precompressed and served below, never through this
  const compressApi = compression({
    threshold: 1024,
    level: 6,
    brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api') ? compressApi(req, res, next) : next(),
  );

  // the default policy, with the web build's inline start-up script allowed by its hash (web-csp.ts)
  const scriptHashes = inlineScriptHashes(path.resolve(env.WEB_DIST, 'index.html'));
  app.useSecurityHeaders(
    scriptHashes.length > 0
      ? { contentSecurityPolicy: { directives: { scriptSrc: ["'self'", ...scriptHashes] } } }
      : undefined,
  );
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
    // the build writes file.br and file.gz beside each file over 1 KB (apps/web/vite.config.mts): send the best
    // one the browser accepts (brotli, then gzip, else the file itself) through the static handler below
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.includes('..'))
        return next();
      const file = path.join(webDist, req.path);
      const variants = PRECOMPRESSED.filter((v) => existsSync(file + v.suffix));
      if (variants.length === 0) return next();
      res.vary('Accept-Encoding');
      const chosen = pickEncoding(req.get('accept-encoding') ?? '', variants);
      if (!chosen) return next();
      res.setHeader('Content-Encoding', chosen.encoding);
      res.type(path.extname(req.path));
      req.url = `${req.path}${chosen.suffix}${req.url.slice(req.path.length)}`;
      next();
    });
    // not for API paths: serve-static would look for a file (an fs.stat) on every API request first
    const serveWeb = express.static(webDist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // index.html asked for by name: checked again on every visit, like the fallback below; so are the service
        // worker, its Workbox runtime and the web manifest, or a tablet would keep an old release's worker
        else if (CHECKED_EVERY_VISIT.test(path.basename(file))) res.setHeader('Cache-Control', 'no-cache');
      },
    });
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith('/api') ? next() : serveWeb(req, res, next),
    );
    // single-page app: every non-API GET answers index.html, except a file the build does not have (a chunk of an
    // old release, /favicon.ico): a 404, not a page of HTML that a browser would try to run or show as an icon
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      if (path.extname(req.path)) return res.status(404).type('text/plain').send('Not Found');
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }
  return app;
}
