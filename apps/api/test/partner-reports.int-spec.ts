import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  partnerReportDetailSchema,
  partnerReportFiguresSchema,
  partnerReportSummarySchema,
  reportReleaseSchema,
} from '@jv/contracts';
import { canonicalSha256, sha256 } from '../src/modules/partner-reports/canonical-json';
import { workshopToday } from '../src/modules/repair-jobs/repair-jobs.rules';
import { expectedQ3Figures, insertReportFixtures, Q3, type ReportFixtures } from './support/partner-reports-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

type Session = Awaited<ReturnType<typeof signedIn>>;

/** A binary body (PDF, CSV) as a Buffer. */
const binary = (
  res: { on: (e: string, cb: (c?: Buffer) => void) => void },
  cb: (e: Error | null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => c && chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('partner reports (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: ReportFixtures;
  let admin: Session;
  let logistics: Session;
  let logistics2: Session;
  let viewer: Session;
  let partnerLV: Session;
  let partnerDE: Session;
  let work: string;

  const base = '/api/v1/partner-reports';
  const withoutTime = (f: Record<string, unknown>) => {
    const { computedAt, ...rest } = f;
    expect(typeof computedAt).toBe('string');
    return rest;
  };
  const count = async (table: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  async function create(s: Session, period = Q3.period, partnerId = fx.partners.LV) {
    const res = await s.agent.post(base).send({ partnerId, period });
    expect(res.status).toBe(201);
    return partnerReportDetailSchema.parse(res.body);
  }
  async function move(s: Session, id: string, to: string, extra: Record<string, unknown> = {}) {
    return s.agent.post(`${base}/${id}/transitions`).send({ to, ...extra });
  }
  /** prepared by logistics, approved by logistics2, published by admin */
  async function publish(period = Q3.period, partnerId = fx.partners.LV) {
    const draft = await create(logistics, period, partnerId);
    expect((await move(logistics2, draft.id, 'approved')).status).toBe(200);
    const res = await move(admin, draft.id, 'published', { comment: 'Sent to the partner' });
    expect(res.status).toBe(200);
    return partnerReportDetailSchema.parse(res.body);
  }
  async function download(s: Session, id: string, format: 'pdf' | 'csv', lang: 'uk' | 'en') {
    const res = await s.agent
      .get(`${base}/${id}/document.${format}`)
      .query({ lang })
      .buffer(true)
      .parse(binary as never);
    return res as typeof res & { body: Buffer };
  }
  const pdfText = (pdf: Buffer) => {
    const file = path.join(work, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, pdf);
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    return out.stdout;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertReportFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    logistics = await signedIn(ctx, { role: 'logistics' });
    logistics2 = await signedIn(ctx, { role: 'logistics' });
    viewer = await signedIn(ctx, { role: 'viewer' });
    partnerLV = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV });
    partnerDE = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.DE });
    work = mkdtempSync(path.join(tmpdir(), 'jv-reports-'));
  });

  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await ctx.close();
  });

  describe('figures', () => {
    it('equal the hand-computed ones: status at the Kyiv end, deliveries, jobs, use, supply, training', async () => {
      const res = await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: Q3.period });
      expect(res.status).toBe(200);
      const figures = partnerReportFiguresSchema.parse(res.body);
      expect(withoutTime(figures)).toEqual(expectedQ3Figures(fx));
    });

    it('a month of the quarter: only its days', async () => {
      const res = await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: '2025-08' });
      expect(res.status).toBe(200);
      const f = partnerReportFiguresSchema.parse(res.body);
      expect(f.period).toEqual({ period: '2025-08', kind: 'month', start: '2025-08-01', end: '2025-08-31' });
      // at the end of August: S2 operational (degraded from September), S3 awaiting parts, S4 written off
      expect(f.fleet.byStatus.find((s) => s.status === 'operational')?.systems).toBe(2);
      expect(f.fleet.deliveredInPeriod).toBe(1);
      // J4 opened in August; J2 long done, J1 done, J3/J5 not yet opened → nothing open at the end
      expect(f.repairs).toEqual({ opened: 1, completed: 0, medianTurnaroundDays: null, openAtEnd: 0 });
      expect(f.use.rounds).toBe(20);
      expect(f.supply.months).toEqual([
        { month: '2025-08', plannedComponents: 0, deliveredComponents: 0, plannedSystems: 0, deliveredSystems: 1 },
      ]);
      // R2 (approved 1 Aug, needed by 15 Sep): open, not overdue yet
      expect(f.supply).toMatchObject({ openRequests: 1, overdueRequests: 0 });
      expect(f.training).toMatchObject({ cohortsCompleted: 1, peopleQualified: 3 });
    });

    it('a period in progress says so and counts what stands now', async () => {
      // the workshop's month (Kyiv time, as the server counts): the UTC month is the last one for two hours
      const month = workshopToday().slice(0, 7);
      const res = await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: month });
      expect(res.status).toBe(200);
      const f = partnerReportFiguresSchema.parse(res.body);
      expect(f.inProgress).toBe(true);
      // every LV system as it stands (S5 included now)
      expect(f.fleet.systems).toBe(6);
    });

    it('a partner without systems gets zeros, not errors', async () => {
      const res = await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.DE, period: Q3.period });
      expect(res.status).toBe(200);
      const f = partnerReportFiguresSchema.parse(res.body);
      expect(f.fleet).toMatchObject({ systems: 0, availabilityRate: null, byModel: [] });
      expect(f.repairs).toEqual({ opened: 0, completed: 0, medianTurnaroundDays: null, openAtEnd: 0 });
      expect(f.training).toEqual({ cohortsCompleted: 0, peopleQualified: 0, coverage: [] });
    });
  });

  describe('bad input: 400 with field errors, nothing written', () => {
    it('refuses a bad period, a future period, an unknown partner, a bad language and a bad channel', async () => {
      const before = [await count('partner_reports'), await count('partner_report_releases'), await count('audit_log')];
      const fields = (res: { status: number; body: { errors?: Array<{ path: string; code: string }> } }) => {
        expect(res.status).toBe(400);
        return (res.body.errors ?? []).map((e) => [e.path, e.code]);
      };
      expect(
        fields(await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: '2025-13' })),
      ).toEqual([['period', 'report_period']]);
      expect(fields(await logistics.agent.post(base).send({ partnerId: fx.partners.LV, period: '2025-Q5' }))).toEqual([
        ['period', 'report_period'],
      ]);
      expect(fields(await logistics.agent.post(base).send({ partnerId: fx.partners.LV, period: '2099-01' }))).toEqual([
        ['period', 'period_in_future'],
      ]);
      expect(
        fields(await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: '2099-Q1' })),
      ).toEqual([['period', 'period_in_future']]);
      expect(
        fields(
          await logistics.agent
            .post(base)
            .send({ partnerId: '00000000-0000-4000-8000-000000000000', period: Q3.period }),
        ),
      ).toEqual([['partnerId', 'not_found']]);
      const published = await publish('2025-07');
      const afterPublish = [await count('partner_reports'), await count('partner_report_releases')];
      const auditAfterPublish = await count('audit_log');
      const lang = await admin.agent.get(`${base}/${published.id}/document.pdf`).query({ lang: 'fr' });
      expect(fields(lang).map(([p]) => p)).toEqual(['lang']);
      const channel = await logistics.agent
        .post(`${base}/${published.id}/releases`)
        .send({ recipient: 'Ministry of Defence', channel: 'pigeon' });
      expect(fields(channel).map(([p]) => p)).toEqual(['channel']);
      expect([await count('partner_reports'), await count('partner_report_releases')]).toEqual(afterPublish);
      expect(await count('audit_log')).toBe(auditAfterPublish);
      expect(before[0]).toBeLessThan(afterPublish[0]);
    });
  });

  describe('workflow', () => {
    it('prepares a draft (figures computed now, preparer, history, audit), 409 DUPLICATE for a second', async () => {
      const draft = await create(logistics, '2025-09');
      expect(draft).toMatchObject({
        status: 'draft',
        version: 1,
        period: '2025-09',
        periodStart: '2025-09-01',
        periodEnd: '2025-09-30',
        partnerCode: 'LV',
        preparedBy: { id: logistics.user.id, displayName: logistics.user.displayName },
        approvedBy: null,
        figuresSha256: null,
        documents: [],
        supersedesId: null,
      });
      expect(draft.transitions).toEqual([
        expect.objectContaining({ from: null, to: 'draft', actor: expect.objectContaining({ id: logistics.user.id }) }),
      ]);
      // the preparer may discard, not approve; another logistics user may do both
      expect(draft.allowedTransitions).toEqual(['discarded']);
      const other = partnerReportDetailSchema.parse((await logistics2.agent.get(`${base}/${draft.id}`)).body);
      expect(other.allowedTransitions).toEqual(['approved', 'discarded']);
      expect((await viewer.agent.get(`${base}/${draft.id}`)).body.allowedTransitions).toEqual([]);
      const audit = await auditRows(ctx.db, 'partner_report', draft.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'create', actor_id: logistics.user.id })]);

      const again = await logistics2.agent.post(base).send({ partnerId: fx.partners.LV, period: '2025-09' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DUPLICATE');
      expect(await count(`partner_reports WHERE period = '2025-09'`)).toBe(1);
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const send = () =>
        logistics.agent
          .post(base)
          .set('Idempotency-Key', 'report-create-1')
          .send({ partnerId: fx.partners.FR, period: '2025-09' });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
      expect(await count(`partner_reports WHERE period = '2025-09' AND partner_id = '${fx.partners.FR}'`)).toBe(1);
    });

    it('four eyes: the preparer approving is 409 FOUR_EYES and nothing changes', async () => {
      const draft = await create(logistics, '2025-06');
      const auditBefore = await count('audit_log');
      const res = await move(logistics, draft.id, 'approved');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('FOUR_EYES');
      const now = partnerReportDetailSchema.parse((await logistics.agent.get(`${base}/${draft.id}`)).body);
      expect(now).toMatchObject({ status: 'draft', version: draft.version, approvedBy: null });
      expect(now.transitions).toHaveLength(1);
      expect(await count('audit_log')).toBe(auditBefore);
    });

    it('stale version → 409 STALE_VERSION; the current one moves; an invalid move names the allowed ones', async () => {
      const draft = await create(logistics, '2025-05');
      const stale = await move(logistics2, draft.id, 'approved', { version: draft.version + 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const ok = await move(logistics2, draft.id, 'approved', { version: draft.version });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        status: 'approved',
        version: draft.version + 1,
        approvedBy: { id: logistics2.user.id },
      });
      const invalid = await move(admin, draft.id, 'draft');
      expect(invalid.status).toBe(409);
      expect(invalid.body).toMatchObject({ code: 'INVALID_TRANSITION', allowed: ['published', 'discarded'] });
      const refresh = await logistics.agent.post(`${base}/${draft.id}/refresh`);
      expect(refresh.status).toBe(409);
      expect(refresh.body).toMatchObject({ code: 'REPORT_NOT_DRAFT', reportStatus: 'approved' });
      const discarded = await move(admin, draft.id, 'discarded', { comment: 'Wrong month' });
      expect(discarded.status).toBe(200);
      expect(discarded.body.allowedTransitions).toEqual([]);
      // discarded: a new draft for the partner and period may be prepared
      expect((await logistics.agent.post(base).send({ partnerId: fx.partners.LV, period: '2025-05' })).status).toBe(
        201,
      );
    });

    it('refresh recomputes a draft', async () => {
      const draft = await create(logistics, '2025-04');
      await new Promise((r) => setTimeout(r, 5));
      const res = await logistics2.agent.post(`${base}/${draft.id}/refresh`);
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(draft.version + 1);
      expect(res.body.computedAt > draft.computedAt).toBe(true);
    });
  });

  describe('publishing freezes', () => {
    let published: Awaited<ReturnType<typeof publish>>;
    const files: Record<string, { body: Buffer; etag: string }> = {};

    beforeAll(async () => {
      published = await publish(Q3.period);
    });

    it('stores the figures hash, the four documents with their hashes, and answers them as attachments', async () => {
      expect(published).toMatchObject({
        status: 'published',
        publishedBy: { id: admin.user.id },
        approvedBy: { id: logistics2.user.id },
        preparedBy: { id: logistics.user.id },
        supersedesId: null,
      });
      expect(withoutTime(published.figures)).toEqual(expectedQ3Figures(fx));
      expect(published.figuresSha256).toBe(canonicalSha256(published.figures));
      expect(published.documents.map((d) => `${d.format}-${d.lang}`).sort()).toEqual([
        'csv-en',
        'csv-uk',
        'pdf-en',
        'pdf-uk',
      ]);
      expect(published.allowedTransitions).toEqual([]);
      for (const d of published.documents) {
        const res = await download(admin, published.id, d.format, d.lang);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe(d.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="jv-report-LV-2025-Q3-${d.lang}.${d.format}"`,
        );
        expect(res.headers['etag']).toBe(`"${d.sha256}"`);
        expect(sha256(res.body)).toBe(d.sha256);
        expect(res.body.length).toBe(d.bytes);
        files[`${d.format}-${d.lang}`] = { body: res.body, etag: res.headers['etag'] as string };
      }
      expect(files['csv-uk'].body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(files['pdf-en'].body.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('stays byte-identical after new use, a delivery and a job in its period; preview, new draft move', async () => {
      await ctx.db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, '2025-08-20', 5, 5)`, [
        fx.systems.S1,
      ]);
      await ctx.db.query(
        `INSERT INTO deliveries (request_id, quantity, received_on, waybill) VALUES ($1, 1, '2025-09-25', 'WB-2')`,
        [fx.requests.R2],
      );
      await ctx.db.query(
        `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                  system_status_before, opened_at, due_at, closed_at)
         VALUES ('RJ-2025-09999', $1, $2, 'corrective', 'routine', 2, 'completed', 'Fault', 'operational',
                 '2025-08-01T08:00Z', '2025-08-15T08:00Z', '2025-08-03T08:00Z')`,
        [fx.facilities.WS1, fx.systems.S2],
      );
      const again = partnerReportDetailSchema.parse((await admin.agent.get(`${base}/${published.id}`)).body);
      expect(again.figures).toEqual(published.figures);
      expect(again.figuresSha256).toBe(published.figuresSha256);
      expect(again.documents).toEqual(published.documents);
      for (const [key, file] of Object.entries(files)) {
        const [format, lang] = key.split('-') as ['pdf' | 'csv', 'uk' | 'en'];
        const res = await download(admin, published.id, format, lang);
        expect(res.body.equals(file.body)).toBe(true);
        expect(res.headers['etag']).toBe(file.etag);
      }
      const expected = expectedQ3Figures(fx);
      const changed = {
        ...expected,
        repairs: { opened: 5, completed: 3, medianTurnaroundDays: 4, openAtEnd: 2 },
        use: {
          rounds: 42,
          efc: 27.75,
          byModel: [expected.use.byModel[0], { ...expected.use.byModel[1], rounds: 35, efc: 20.75 }],
        },
        supply: {
          ...expected.supply,
          months: [
            expected.supply.months[0],
            expected.supply.months[1],
            { ...expected.supply.months[2], deliveredComponents: 4 },
          ],
        },
      };
      const preview = await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: Q3.period });
      expect(withoutTime(preview.body)).toEqual(changed);
      // the database refuses to change a published report's figures whatever code runs
      await expect(
        ctx.db.query(`UPDATE partner_reports SET figures = '{}'::jsonb WHERE id = $1`, [published.id]),
      ).rejects.toThrow(/frozen/);
      await expect(
        ctx.db.query(`DELETE FROM partner_report_documents WHERE report_id = $1`, [published.id]),
      ).rejects.toThrow(/frozen/);

      // a correction: a new draft with the new figures, published, supersedes the first; both stay readable
      const correction = await create(logistics2, Q3.period);
      expect(withoutTime(correction.figures)).toEqual(changed);
      expect((await move(logistics, correction.id, 'approved')).status).toBe(200);
      const out = await move(logistics, correction.id, 'published');
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({ supersedesId: published.id, status: 'published' });
      expect(out.body.figuresSha256).not.toBe(published.figuresSha256);
      const old = partnerReportDetailSchema.parse((await partnerLV.agent.get(`${base}/${published.id}`)).body);
      expect(old).toMatchObject({ supersededById: correction.id, figuresSha256: published.figuresSha256 });
      expect(old.figures).toEqual(published.figures);
      const oldPdf = await download(admin, published.id, 'pdf', 'uk');
      expect(oldPdf.body.equals(files['pdf-uk'].body)).toBe(true);
      const list = await partnerLV.agent.get(base).query({ period: Q3.period });
      expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([correction.id, published.id]);
    });

    it('a draft document is rendered on the fly (not stored); REPORT_NOT_PUBLISHED for its releases', async () => {
      const draft = await create(logistics, '2025-03');
      const res = await download(logistics, draft.id, 'csv', 'en');
      expect(res.status).toBe(200);
      expect(res.headers['etag']).toBe(`"${sha256(res.body)}"`);
      expect(await count(`partner_report_documents WHERE report_id = '${draft.id}'`)).toBe(0);
      const before = await count('partner_report_releases');
      const rec = await logistics.agent
        .post(`${base}/${draft.id}/releases`)
        .send({ recipient: 'Embassy of Latvia', channel: 'email' });
      expect(rec.status).toBe(409);
      expect(rec.body).toMatchObject({ code: 'REPORT_NOT_PUBLISHED', reportStatus: 'draft' });
      expect(await count('partner_report_releases')).toBe(before);
    });
  });

  describe('partner scope, releases and personal data', () => {
    let report: Awaited<ReturnType<typeof publish>>;
    let draftId: string;

    beforeAll(async () => {
      const list = await admin.agent
        .get(base)
        .query({ partnerId: fx.partners.LV, status: 'published', period: Q3.period });
      report = partnerReportDetailSchema.parse((await admin.agent.get(`${base}/${list.body.items[0].id}`)).body);
      draftId = (await create(logistics, '2025-02')).id;
    });

    it('partner users: own published reports only; drafts and other countries are 404; no staff names', async () => {
      const list = await partnerLV.agent.get(base).query({ limit: 100 });
      expect(list.status).toBe(200);
      const items = list.body.items.map((r: unknown) => partnerReportSummarySchema.parse(r));
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((r: { status: string; partnerId: string }) => r.status === 'published')).toBe(true);
      expect(items.every((r: { partnerId: string }) => r.partnerId === fx.partners.LV)).toBe(true);
      expect(items.every((r: { preparedBy: unknown; publishedBy: unknown }) => !r.preparedBy && !r.publishedBy)).toBe(
        true,
      );
      const all = await admin.agent.get(base).query({ limit: 100 });
      expect(all.body.items.length).toBeGreaterThan(items.length);
      expect((await partnerLV.agent.get(`${base}/${draftId}`)).status).toBe(404);
      expect((await partnerLV.agent.get(`${base}/${draftId}/document.pdf`)).status).toBe(404);
      expect((await partnerDE.agent.get(`${base}/${report.id}`)).status).toBe(404);
      expect((await partnerDE.agent.get(`${base}/${report.id}/document.csv`)).status).toBe(404);
      expect((await partnerDE.agent.get(base)).body.items).toEqual([]);
      const mine = await partnerLV.agent.get(`${base}/${report.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body.allowedTransitions).toEqual([]);
      expect(mine.body.transitions.every((t: { actor: unknown; comment: unknown }) => !t.actor && !t.comment)).toBe(
        true,
      );
      // the list pages newest first by keyset
      const page1 = await admin.agent.get(base).query({ limit: 2 });
      const page2 = await admin.agent.get(base).query({ limit: 2, cursor: page1.body.nextCursor });
      const ids = [...page1.body.items, ...page2.body.items].map((r: { id: string }) => r.id);
      expect(new Set(ids).size).toBe(4);
      const firstFour = all.body.items.slice(0, 4).map((r: { id: string }) => r.id);
      expect(ids).toEqual(firstFour);
    });

    it('no personal data in the JSON, the CSV or the PDF text', async () => {
      const texts: string[] = [JSON.stringify((await partnerLV.agent.get(`${base}/${report.id}`)).body)];
      texts.push(
        JSON.stringify(
          (await admin.agent.get(`${base}/preview`).query({ partnerId: fx.partners.LV, period: Q3.period })).body,
        ),
      );
      for (const lang of ['uk', 'en'] as const) {
        texts.push((await download(partnerLV, report.id, 'csv', lang)).body.toString('utf8'));
        const text = pdfText((await download(partnerLV, report.id, 'pdf', lang)).body);
        expect(text).toContain('LV');
        texts.push(text);
      }
      for (const text of texts) for (const secret of fx.secrets) expect(text).not.toContain(secret);
      expect(texts.join('\n')).not.toContain('Secretname');
    });

    it('logs every partner download and lists recorded releases, oldest first', async () => {
      await ctx.db.query(`DELETE FROM partner_report_releases WHERE report_id = $1`, [report.id]);
      const pdf = await download(partnerLV, report.id, 'pdf', 'en');
      const csv = await download(partnerLV, report.id, 'csv', 'uk');
      await download(admin, report.id, 'pdf', 'uk'); // staff downloads are not releases
      const recorded = await logistics.agent
        .post(`${base}/${report.id}/releases`)
        .send({ recipient: 'Embassy of Latvia, defence attaché', channel: 'diplomatic_mail', note: 'Sealed copy' });
      expect(recorded.status).toBe(201);
      reportReleaseSchema.parse(recorded.body);
      const res = await viewer.agent.get(`${base}/${report.id}/releases`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          kind: 'download',
          channel: 'download',
          format: 'pdf',
          lang: 'en',
          sha256: (pdf.headers['etag'] as string).replaceAll('"', ''),
          recipient: `${partnerLV.user.displayName} <${partnerLV.user.email}>`,
          actor: { id: partnerLV.user.id, displayName: partnerLV.user.displayName },
        }),
        expect.objectContaining({
          kind: 'download',
          format: 'csv',
          lang: 'uk',
          sha256: (csv.headers['etag'] as string).replaceAll('"', ''),
        }),
        expect.objectContaining({
          kind: 'recorded',
          channel: 'diplomatic_mail',
          recipient: 'Embassy of Latvia, defence attaché',
          note: 'Sealed copy',
          format: null,
          sha256: null,
          actor: { id: logistics.user.id, displayName: logistics.user.displayName },
        }),
      ]);
      const audit = await auditRows(ctx.db, 'partner_report_release');
      expect(audit.length).toBeGreaterThanOrEqual(3);
      // partner users do not read the release log
      expect((await partnerLV.agent.get(`${base}/${report.id}/releases`)).status).toBe(403);
    });
  });

  describe('notifications', () => {
    it('a draft tells admin, logistics but its preparer; publishing tells partner users of the country', async () => {
      const inbox = async (userId: string, kind: string, subjectId: string) =>
        (
          await ctx.db.query(
            `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = $2 AND subject_id = $3`,
            [userId, kind, subjectId],
          )
        )[0].n as number;
      const draft = await create(logistics, '2025-01');
      expect(await inbox(admin.user.id, 'report_awaits_approval', draft.id)).toBe(1);
      expect(await inbox(logistics2.user.id, 'report_awaits_approval', draft.id)).toBe(1);
      expect(await inbox(logistics.user.id, 'report_awaits_approval', draft.id)).toBe(0);
      expect(await inbox(viewer.user.id, 'report_awaits_approval', draft.id)).toBe(0);
      expect(await inbox(partnerLV.user.id, 'report_awaits_approval', draft.id)).toBe(0);
      const [params] = await ctx.db.query(
        `SELECT params, subject_type FROM notifications WHERE subject_id = $1 AND user_id = $2`,
        [draft.id, admin.user.id],
      );
      expect(params).toEqual({ params: { partnerCode: 'LV', period: '2025-01' }, subject_type: 'partner_report' });
      await move(logistics2, draft.id, 'approved');
      await move(admin, draft.id, 'published');
      expect(await inbox(partnerLV.user.id, 'report_published', draft.id)).toBe(1);
      expect(await inbox(partnerDE.user.id, 'report_published', draft.id)).toBe(0);
      expect(await inbox(admin.user.id, 'report_published', draft.id)).toBe(0);
    });
  });
});
