import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { PartnerReportFigures, ReportLang } from '@jv/contracts';
import { partnerReportFiguresSchema } from '@jv/contracts';
import { renderReportCsv, renderReportPdf, type ReportDocumentMeta } from './report-documents';
import { formatNumber, formatPeriod, partnerCountryName, REPORT_TEXT } from './report-text';

/** Latvia, Q3 2026: counts chosen to add up (1 284 systems, 1 016 of them FMC or PMC). */
const figures: PartnerReportFigures = partnerReportFiguresSchema.parse({
  partner: { id: '0b6f7e0a-1c1d-4a39-9a0e-0d1c2b3a4f50', code: 'LV', name: 'Latvia', role: 'co_lead' },
  period: { period: '2026-Q3', kind: 'quarter', start: '2026-07-01', end: '2026-09-30' },
  computedAt: '2026-10-05T09:00:00.000Z',
  inProgress: false,
  fleet: {
    systems: 1284,
    byStatus: [
      { status: 'operational', systems: 812 },
      { status: 'degraded', systems: 204 },
      { status: 'in_repair', systems: 131 },
      { status: 'awaiting_parts', systems: 57 },
      { status: 'in_transit', systems: 42 },
      { status: 'written_off', systems: 38 },
    ],
    byReadiness: [
      { readiness: 'FMC', systems: 812 },
      { readiness: 'PMC', systems: 204 },
      { readiness: 'NMC-M', systems: 131 },
      { readiness: 'NMC-S', systems: 57 },
    ],
    availabilityRate: 81.5,
    deliveredInPeriod: 36,
    byModel: [
      {
        modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a01',
        designation: 'PzH 2000',
        systems: 24,
        available: 19,
        delivered: 4,
      },
      {
        modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a02',
        designation: 'Leopard 1A5',
        systems: 1100,
        available: 870,
        delivered: 30,
      },
      {
        modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a03',
        designation: 'MT-81',
        systems: 160,
        available: 127,
        delivered: 2,
      },
    ],
  },
  repairs: { opened: 143, completed: 118, medianTurnaroundDays: 12.5, openAtEnd: 188 },
  use: {
    rounds: 45210,
    efc: 3876.25,
    byModel: [
      { modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a01', designation: 'PzH 2000', rounds: 12000, efc: 1500.5 },
      { modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a02', designation: 'Leopard 1A5', rounds: 30000, efc: 2100.75 },
      { modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a03', designation: 'MT-81', rounds: 3210, efc: 275 },
    ],
  },
  supply: {
    months: [
      { month: '2026-07', plannedComponents: 120, deliveredComponents: 96, plannedSystems: 10, deliveredSystems: 12 },
      { month: '2026-08', plannedComponents: 140, deliveredComponents: 151, plannedSystems: 12, deliveredSystems: 14 },
      { month: '2026-09', plannedComponents: 100, deliveredComponents: 64, plannedSystems: 8, deliveredSystems: 10 },
    ],
    openRequests: 27,
    overdueRequests: 5,
  },
  training: {
    cohortsCompleted: 6,
    peopleQualified: 84,
    coverage: [
      {
        modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a01',
        designation: 'PzH 2000',
        systemsInService: 23,
        crewsRequired: 46,
        crewsCovered: 40,
        coveragePercent: 87,
      },
      {
        modelId: '1f0c1b8e-8b49-4a8e-9a51-3b7c1f1e0a03',
        designation: 'MT-81',
        systemsInService: 153,
        crewsRequired: 153,
        crewsCovered: 160,
        coveragePercent: 100,
      },
    ],
  },
});

const SHA = 'a3f1c2d4e5b6978899aabbccddeeff00112233445566778899aabbccddeeff01';
const publishedMeta: ReportDocumentMeta = {
  reportId: '7d1e4c52-9a0b-4f3e-8d21-5c6b7a8f9e00',
  status: 'published',
  publishedAt: new Date('2026-10-06T10:15:00.000Z'),
  publishedBy: 'Олена Петренко',
  figuresSha256: SHA,
};
const draftMeta: ReportDocumentMeta = {
  reportId: '7d1e4c52-9a0b-4f3e-8d21-5c6b7a8f9e00',
  status: 'draft',
  publishedAt: null,
  publishedBy: null,
  figuresSha256: null,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jv-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text, page by page (pdftotext -layout; no-break spaces read as spaces). */
function pdfPages(pdf: Buffer, name: string): string[] {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (out.error) throw new Error(`pdftotext could not run (install poppler-utils): ${out.error.message}`);
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  const pages = out.stdout.replace(/\u00A0/g, ' ').split('\f');
  return pages.filter((page, i) => i < pages.length - 1 || page.trim() !== '');
}

/** pdfinfo's report of the PDF's metadata (dates in ISO form). */
function pdfInfo(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const out = spawnSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  if (out.error) throw new Error(`pdfinfo could not run (install poppler-utils): ${out.error.message}`);
  if (out.status !== 0) throw new Error(`pdfinfo failed: ${out.stderr}`);
  return out.stdout;
}

/** Collapses runs of spaces so a check does not depend on the layout's column gaps. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('renderReportPdf', () => {
  it('writes a published report in Ukrainian: partner, period, the figures, page numbers, publish line', async () => {
    const pdf = await renderReportPdf(figures, publishedMeta, 'uk');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(pdf, 'published-uk');
    const text = squeeze(pages.join('\n'));

    expect(text).toContain('Звіт про постачання та використання');
    expect(text).toContain('Латвія (LV)');
    expect(text).toContain('III квартал 2026 (01.07.2026 – 30.09.2026)');
    expect(text).toContain('Показники станом на 05.10.2026, 09:00 UTC');
    // the figures of the object, formatted the Ukrainian way (space thousands, comma decimals)
    expect(text).toMatch(/Систем передано \(на кінець періоду\) 1 284/);
    expect(text).toMatch(/Коефіцієнт готовності \(FMC \+ PMC\), % 81,5 %/);
    expect(text).toMatch(/Медіанна тривалість ремонту, днів 12,5/);
    expect(text).toMatch(/Пострілів 45 210/);
    expect(text).toMatch(/EFC\) 3 876,25/);
    expect(text).toMatch(/Leopard 1A5 1 100 870 30/);
    expect(text).toMatch(/серпень 2026 140 151 12 14/);
    expect(text).toMatch(/З них прострочені 5/);
    expect(text).toMatch(/PzH 2000 23 46 40 87,0 %/);
    // the readiness chart: axis, value labels, the legend's classes
    expect(text).toContain('NMC-S — небоєздатна: постачання');

    pages.forEach((page, i) => expect(squeeze(page)).toContain(`Сторінка ${i + 1} з ${pages.length}`));
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain('Опубліковано 06.10.2026, 10:15 UTC користувачем Олена Петренко');
    expect(text).toContain(`SHA-256 показників: ${SHA}`);
    expect(text).not.toContain('ЧЕРНЕТКА');
  });

  it('marks every page of a draft (and of an approved copy) as not for release', async () => {
    const pages = pdfPages(await renderReportPdf(figures, draftMeta, 'uk'), 'draft-uk');
    for (const page of pages) expect(squeeze(page)).toContain('ЧЕРНЕТКА — не для передачі');
    expect(squeeze(pages.join('\n'))).not.toContain('Опубліковано');

    const approved = pdfPages(await renderReportPdf(figures, { ...draftMeta, status: 'approved' }, 'en'), 'approved');
    for (const page of approved) expect(squeeze(page)).toContain('DRAFT — not for release');
  });

  it('writes the English copy: partner name, period, numbers the English way', async () => {
    const pages = pdfPages(await renderReportPdf(figures, publishedMeta, 'en'), 'published-en');
    const text = squeeze(pages.join('\n'));
    expect(text).toContain('Report on deliveries and use');
    expect(text).toContain('Latvia (LV)');
    expect(text).toContain('Q3 2026 (1 Jul 2026 – 30 Sep 2026)');
    expect(text).toMatch(/Systems donated \(at the end of the period\) 1,284/);
    expect(text).toMatch(/81\.5%/);
    expect(text).toMatch(/3,876\.25/);
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text).toContain('Published on 6 Oct 2026, 10:15 UTC by Олена Петренко');
    expect(text).toContain(`SHA-256 of the figures: ${SHA}`);
  });

  it('gives the same bytes for the same input, dated by the publication (not the clock)', async () => {
    const [a, b] = await Promise.all([
      renderReportPdf(figures, publishedMeta, 'uk'),
      renderReportPdf(structuredClone(figures), { ...publishedMeta }, 'uk'),
    ]);
    expect(a.equals(b)).toBe(true);
    const info = pdfInfo(a, 'same');
    expect(info).toMatch(/^CreationDate: +2026-10-06T10:15:00Z$/m);
    expect(info).toMatch(/^ModDate: +2026-10-06T10:15:00Z$/m);
    expect(info).toMatch(/^Producer: +JV Tracker \(pdfmake\)$/m);
    // a draft is dated by its figures
    expect(pdfInfo(await renderReportPdf(figures, draftMeta, 'en'), 'draft-date')).toMatch(
      /^CreationDate: +2026-10-05T09:00:00Z$/m,
    );
    // another publication date: other bytes (the file ID follows the metadata)
    const later = await renderReportPdf(
      figures,
      { ...publishedMeta, publishedAt: new Date('2026-10-07T08:00:00Z') },
      'uk',
    );
    expect(later.equals(a)).toBe(false);
  });

  it('renders a month, empty lists and null rates without failing', async () => {
    const month: PartnerReportFigures = {
      ...figures,
      period: { period: '2026-10', kind: 'month', start: '2026-10-01', end: '2026-10-31' },
      inProgress: true,
      fleet: { ...figures.fleet, systems: 0, byStatus: [], byReadiness: [], availabilityRate: null, byModel: [] },
      repairs: { opened: 0, completed: 0, medianTurnaroundDays: null, openAtEnd: 0 },
      use: { rounds: 0, efc: 0, byModel: [] },
      supply: {
        months: [
          { month: '2026-10', plannedComponents: 0, deliveredComponents: 0, plannedSystems: 0, deliveredSystems: 0 },
        ],
        openRequests: 0,
        overdueRequests: 0,
      },
      training: { cohortsCompleted: 0, peopleQualified: 0, coverage: [] },
    };
    const text = squeeze(pdfPages(await renderReportPdf(month, draftMeta, 'uk'), 'month-uk').join('\n'));
    expect(text).toContain('жовтень 2026 (01.10.2026 – 31.10.2026)');
    expect(text).toContain('Період ще не завершився');
    expect(text).toContain('Немає даних за цей період.');
  });
});

describe('renderReportCsv', () => {
  const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  const find = (rows: string[][], figure: string, breakdown = '') =>
    rows.filter((r) => r[1] === figure && r[2] === breakdown).map((r) => r[3]);

  it('has a BOM, CRLF, a localized header and one row per figure with machine-readable values', () => {
    const csv = renderReportCsv(figures, publishedMeta, 'uk');
    expect(csv.startsWith('\uFEFFРозділ,Показник,Розріз,Значення\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parse(csv);
    const t = REPORT_TEXT.uk.figures;
    expect(find(rows, t.systems)).toEqual(['1284']);
    expect(find(rows, t.availabilityRate)).toEqual(['81.5']);
    expect(find(rows, t.medianTurnaroundDays)).toEqual(['12.5']);
    expect(find(rows, t.efc)).toEqual(['3876.25']);
    expect(find(rows, t.systemsByStatus, 'Очікує запчастин')).toEqual(['57']);
    expect(find(rows, t.systemsByReadiness, 'NMC-S')).toEqual(['57']);
    expect(find(rows, t.plannedComponents, '2026-08')).toEqual(['140']);
    expect(find(rows, t.modelEfc, 'Leopard 1A5')).toEqual(['2100.75']);
    expect(find(rows, t.coveragePercent, 'MT-81')).toEqual(['100']);
    expect(find(rows, t.periodStart)).toEqual(['2026-07-01']);
    expect(find(rows, t.computedAt)).toEqual(['2026-10-05T09:00:00.000Z']);
    expect(find(rows, t.publishedAt)).toEqual(['2026-10-06T10:15:00.000Z']);
    expect(find(rows, t.figuresSha256)).toEqual([SHA]);

    // every number of the figures is a row: the fleet by status adds up, the months are all there
    const byStatus = rows.filter((r) => r[1] === t.systemsByStatus).map((r) => Number(r[3]));
    expect(byStatus.reduce((a, b) => a + b, 0)).toBe(figures.fleet.systems);
    expect(rows.filter((r) => r[1] === t.deliveredSystems).map((r) => [r[2], Number(r[3])])).toEqual(
      figures.supply.months.map((m) => [m.month, m.deliveredSystems]),
    );
    for (const row of rows) expect(row).toHaveLength(4);
  });

  it('writes English labels with the same values', () => {
    const uk = parse(renderReportCsv(figures, publishedMeta, 'uk'));
    const en = parse(renderReportCsv(figures, publishedMeta, 'en'));
    expect(en[0]).toEqual(['Section', 'Figure', 'Breakdown', 'Value']);
    expect(en.slice(1).map((r) => r[3])).toEqual(uk.slice(1).map((r) => r[3]));
    expect(en).toHaveLength(uk.length);
    expect(find(en, REPORT_TEXT.en.figures.systemsByStatus, 'Awaiting parts')).toEqual(['57']);
  });

  it('leaves an empty value for a figure that has none', () => {
    const rows = parse(
      renderReportCsv(
        { ...figures, fleet: { ...figures.fleet, availabilityRate: null } },
        { ...draftMeta, status: 'approved' },
        'en',
      ),
    );
    expect(find(rows, REPORT_TEXT.en.figures.availabilityRate)).toEqual(['']);
    expect(find(rows, REPORT_TEXT.en.figures.publishedBy)).toEqual(['']);
  });

  it('never lets a partner or model name run as a formula', async () => {
    const hostile: PartnerReportFigures = {
      ...figures,
      partner: { ...figures.partner, name: '=HYPERLINK("http://evil.example","x")' },
      fleet: {
        ...figures.fleet,
        byModel: [{ ...figures.fleet.byModel[0]!, designation: '+cmd|"/c calc"!A1' }],
      },
      use: { ...figures.use, byModel: [{ ...figures.use.byModel[0]!, designation: '@SUM(A1:A9)' }] },
      training: { ...figures.training, coverage: [{ ...figures.training.coverage[0]!, designation: '-2+3' }] },
    };
    const csv = renderReportCsv(hostile, publishedMeta, 'en');
    const cells = parse(csv).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(cells).toContain(`'+cmd|"/c calc"!A1`);
    // in the PDF a name is just text
    const text = squeeze(pdfPages(await renderReportPdf(hostile, publishedMeta, 'en'), 'hostile').join('\n'));
    expect(text).toContain('@SUM(A1:A9)');
  });
});

describe('report text', () => {
  it('formats numbers per language', () => {
    expect(formatNumber(1234567.891, 'uk', 2)).toBe('1\u00A0234\u00A0567,89');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatNumber(87, 'uk', 1, true)).toBe('87,0');
    expect(formatNumber(999, 'en')).toBe('999');
  });

  it('names periods and partners in words', () => {
    const q = { period: '2026-Q3', kind: 'quarter' as const, start: '2026-07-01', end: '2026-09-30' };
    const m = { period: '2026-10', kind: 'month' as const, start: '2026-10-01', end: '2026-10-31' };
    const cases: Array<[ReportLang, string, string]> = [
      ['uk', 'III квартал 2026 (01.07.2026 – 30.09.2026)', 'жовтень 2026 (01.10.2026 – 31.10.2026)'],
      ['en', 'Q3 2026 (1 Jul 2026 – 30 Sep 2026)', 'October 2026 (1 Oct 2026 – 31 Oct 2026)'],
    ];
    for (const [lang, quarter, month] of cases) {
      expect(formatPeriod(q, lang)).toBe(quarter);
      expect(formatPeriod(m, lang)).toBe(month);
    }
    expect(partnerCountryName('LV', 'Latvia', 'uk')).toBe('Латвія');
    expect(partnerCountryName('DE', 'Germany', 'en')).toBe('Germany');
    expect(partnerCountryName('not-a-code', 'Somewhere', 'uk')).toBe('Somewhere');
  });
});

/** Manual check: REPORT_PDF_OUT=/some/dir writes the sample PDFs there to look at. */
if (process.env.REPORT_PDF_OUT) {
  it('writes the sample PDFs', async () => {
    const out = process.env.REPORT_PDF_OUT as string;
    writeFileSync(path.join(out, 'published-uk.pdf'), await renderReportPdf(figures, publishedMeta, 'uk'));
    writeFileSync(path.join(out, 'draft-en.pdf'), await renderReportPdf(figures, draftMeta, 'en'));
    writeFileSync(path.join(out, 'published-uk.csv'), renderReportCsv(figures, publishedMeta, 'uk'));
  });
}
