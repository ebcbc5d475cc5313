#!/usr/bin/env node
// Lighthouse (mobile: the default form factor and simulated throttling) against a running built app, plus the
// sizes of the web bundle it serves. Uses Debian's Chromium; never downloads a browser.
//
//   BASE_URL=http://localhost:3000 node tools/lighthouse.mjs [--dist dist/web] [--json out.json]
//
// Pages: the login page (signed out), the systems list and a repair job (signed in as the demo workshop user,
// the session cookie sent with every request). Only loopback addresses are accepted.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const HELP = `Usage: BASE_URL=… node tools/lighthouse.mjs [options]

  --dist DIR      the built web app whose bundle sizes are printed (default: WEB_DIST or dist/web)
  --json FILE     also write the scores and sizes as JSON
  --chrome PATH   the browser (default: CHROME_PATH or /usr/bin/chromium)
  --runs N        audits per page; the run with the median performance score is reported (default 1)
  -h, --help      this text

Environment: BASE_URL (default http://localhost:3000), LH_EMAIL / LH_PASSWORD (default the demo workshop user).`;

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.WEB_DIST ?? 'dist/web' },
    json: { type: 'string' },
    chrome: { type: 'string', default: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    runs: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const runCount = Number(args.runs);
if (!Number.isInteger(runCount) || runCount < 1) {
  console.error('--runs takes a whole number of 1 or more');
  process.exit(2);
}

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const host = new URL(BASE_URL).hostname;
if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) {
  console.error(`BASE_URL must be a loopback address, not ${host}`);
  process.exit(2);
}

// ---- bundle sizes ----------------------------------------------------------------------------------------
function sizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(list) {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

/** What index.html loads before the first render: its module scripts and modulepreloads. */
function bundleSizes(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initialFiles = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const chunks = readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `assets/${f}`, ...sizes(readFileSync(path.join(dist, 'assets', f))) }))
    .sort((a, b) => b.raw - a.raw);
  const initial = chunks.filter((c) => initialFiles.includes(c.file));
  return {
    initial: { files: initial.map((c) => c.file), ...sum(initial) },
    total: { files: chunks.length, ...sum(chunks) },
    largest: chunks.slice(0, 8),
  };
}

// ---- the app ---------------------------------------------------------------------------------------------
async function signIn() {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE_URL },
    body: JSON.stringify({
      email: process.env.LH_EMAIL ?? 'workshop@jv.example',
      password: process.env.LH_PASSWORD ?? 'jv-demo-password',
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`sign-in: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?jv_session=/.test(c));
  if (!cookie) throw new Error('sign-in: no session cookie');
  return cookie;
}

async function firstJobId(cookie) {
  const res = await fetch(`${BASE_URL}/api/v1/repair-jobs?limit=1`, {
    headers: { cookie, accept: 'application/json' },
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`repair jobs: HTTP ${res.status}`);
  const page = await res.json();
  if (!page.items?.length) throw new Error('repair jobs: the user sees no job');
  return page.items[0].id;
}

async function audit(port, url, cookie) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (c) => (c.score === null ? null : Math.round(c.score * 100));
  const metric = (id) => audits[id]?.numericValue ?? null;
  // audits of weight 0 (experimental ones such as label-content-name-mismatch) do not count towards the score
  const failing = categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => a.id);
  return {
    url,
    finalUrl: result.lhr.finalDisplayedUrl,
    // Lighthouse's own measure of this machine's speed (a busy or slow machine scores low, and so does the page)
    benchmarkIndex: result.lhr.environment.benchmarkIndex,
    performance: score(categories.performance),
    accessibility: score(categories.accessibility),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    accessibilityFailures: failing,
  };
}

// ---- run -------------------------------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const bundle = bundleSizes(path.resolve(args.dist));
console.log(`bundle (${args.dist})`);
console.log(
  `  initial JS: ${kb(bundle.initial.raw)} raw, ${kb(bundle.initial.gzip)} gzip, ${kb(bundle.initial.brotli)} brotli` +
    ` (${bundle.initial.files.length} files)`,
);
console.log(`  total JS:   ${kb(bundle.total.raw)} raw, ${kb(bundle.total.gzip)} gzip in ${bundle.total.files} files`);
for (const c of bundle.largest)
  console.log(`    ${c.file.padEnd(48)} ${kb(c.raw).padStart(10)} ${kb(c.gzip).padStart(10)} gz`);

const cookie = await signIn();
const jobId = await firstJobId(cookie);
const pages = [
  { name: 'login', url: `${BASE_URL}/login`, cookie: null },
  { name: 'systems', url: `${BASE_URL}/systems`, cookie },
  { name: 'repair-job', url: `${BASE_URL}/repair-jobs/${jobId}`, cookie },
];

const chrome = await chromeLauncher.launch({ chromePath: args.chrome, chromeFlags: CHROME_FLAGS });
const results = [];
try {
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < runCount; i++) runs.push(await audit(chrome.port, page.url, page.cookie));
    runs.sort((a, b) => a.performance - b.performance);
    const r = runs[Math.floor((runs.length - 1) / 2)];
    results.push({ page: page.name, ...r, runs: runs.map((x) => x.performance) });
    const ms = (v) => (v === null ? '-' : `${Math.round(v)} ms`);
    console.log(
      `${page.name.padEnd(11)} performance ${String(r.performance).padStart(3)}  accessibility ` +
        `${String(r.accessibility).padStart(3)}  FCP ${ms(r.fcpMs)}  LCP ${ms(r.lcpMs)}  TBT ${ms(r.tbtMs)}` +
        `  CLS ${r.cls?.toFixed(3) ?? '-'}  benchmark ${Math.round(r.benchmarkIndex)}` +
        (runs.length > 1 ? `  runs ${runs.map((x) => x.performance).join('/')}` : '') +
        (r.accessibilityFailures.length ? `  failing: ${r.accessibilityFailures.join(', ')}` : ''),
    );
  }
} finally {
  await chrome.kill();
}

if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({ baseUrl: BASE_URL, bundle, pages: results }, null, 2)}\n`);
  console.log(`written to ${args.json}`);
}
