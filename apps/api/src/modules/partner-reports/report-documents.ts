import { createRequire } from 'node:module';
import path from 'node:path';
import type { PartnerReportFigures, ReportLang } from '@jv/contracts';
import { readinessClasses, systemStatuses, type PartnerReportStatus, type ReadinessClass } from '@jv/domain';
import { csvHeader, toCsvLines, type CsvCells } from '../../common/csv';
import {
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPeriod,
  partnerCountryName,
  REPORT_TEXT,
  type ReportFigure,
  type ReportSection,
  type ReportText,
} from './report-text';

/**
 * The documents of a partner report: a PDF a ministry can file and a CSV with one row per figure,
 * in Ukrainian or English. Both are pure functions of the figures and the meta, so the same input
 * gives the same bytes (a published report's documents are stored and checked by SHA-256).
 *
 * Determinism of the PDF: pdfkit stamps CreationDate with the clock unless told otherwise, and its
 * trailer /ID is an MD5 of the info dictionary (CreationDate included) — not random. So the info is
 * fixed here (title, author, producer) and dated by the publication, else by the figures' computedAt.
 * Fonts are subset with tags derived from the font's id in the document (F1, F2…), streams are deflated
 * by zlib: both deterministic. The bytes may change with another pdfmake/pdfkit/Roboto version, which
 * is why a published report keeps the copies it was published with.
 */

/** What a document says about its report besides the figures. */
export interface ReportDocumentMeta {
  reportId: string;
  status: PartnerReportStatus;
  publishedAt: Date | null;
  /** display name */
  publishedBy: string | null;
  figuresSha256: string | null;
}

// pdfmake (server build, no bundled types) -------------------------------------------------------------

/** A pdfmake content node: loosely typed, as pdfmake's own documentation describes it. */
type Node = string | Node[] | { [key: string]: unknown };
type Vector = { type: 'rect' | 'line' | 'polyline'; [key: string]: unknown };

interface PdfDocDefinition {
  info: Record<string, string | Date>;
  language: string;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  defaultStyle: Record<string, unknown>;
  styles: Record<string, Record<string, unknown>>;
  header: (page: number, pages: number) => Node;
  footer: (page: number, pages: number) => Node;
  watermark?: Record<string, unknown>;
  pageBreakBefore: (node: { headlineLevel?: number }, on: { getFollowingNodesOnPage(): unknown[] }) => boolean;
  content: Node[];
}

type FontFiles = Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>;

interface PdfMake {
  setFonts(fonts: Record<string, FontFiles>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  createPdf(doc: PdfDocDefinition): { getBuffer(): Promise<Buffer> };
}

const load = createRequire(__filename);
let engine: PdfMake | undefined;

/**
 * pdfmake with Roboto (it covers Cyrillic) read from pdfmake's own fonts folder; no URL and no other
 * local file may be read by a document. Resolved through node_modules, so it works from dist/ too.
 */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const fontsFile = load.resolve('pdfmake/fonts/Roboto.js');
  const fontsDir = path.dirname(fontsFile) + path.sep;
  const fonts = load(fontsFile) as Record<string, FontFiles>;
  const pdf = load('pdfmake') as PdfMake;
  pdf.setFonts(fonts);
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir));
  engine = pdf;
  return pdf;
}

// Colours and charts -------------------------------------------------------------------------------

/** Okabe–Ito: told apart with any colour vision; NMC-S is hatched too, so it never rests on colour. */
const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

interface BarStyle {
  color: string;
  /** white diagonal stripes over the colour */
  hatched: boolean;
}

const READINESS_STYLE: Record<ReadinessClass, BarStyle> = {
  FMC: { color: OKABE_ITO.bluishGreen, hatched: false },
  PMC: { color: OKABE_ITO.skyBlue, hatched: false },
  'NMC-M': { color: OKABE_ITO.orange, hatched: false },
  'NMC-S': { color: OKABE_ITO.reddishPurple, hatched: true },
};
const PLANNED_STYLE: BarStyle = { color: OKABE_ITO.blue, hatched: false };
const RECEIVED_STYLE: BarStyle = { color: OKABE_ITO.orange, hatched: true };

const INK = '#1A1A1A';
const MUTED = '#555555';
const RULE = '#BBBBBB';
const ALERT = '#B03A00';

/** A rectangle filled with a style, outlined, hatched when the style says so (canvas coordinates). */
function bar(x: number, y: number, w: number, h: number, style: BarStyle): Vector[] {
  if (h <= 0 || w <= 0) return [];
  const out: Vector[] = [{ type: 'rect', x, y, w, h, color: style.color, lineColor: INK, lineWidth: 0.5 }];
  if (style.hatched) {
    const bottom = y + h;
    for (let s = -h + 3; s < w; s += 4.5) {
      // a stripe going up and right from (x + s, bottom), clipped to the rectangle
      const x1 = Math.max(x, x + s);
      const y1 = bottom - (x1 - (x + s));
      const t = Math.min(x + w - x1, y1 - y);
      if (t <= 0) continue;
      out.push({ type: 'line', x1, y1, x2: x1 + t, y2: y1 - t, lineWidth: 1.1, lineColor: '#FFFFFF' });
    }
    out.push({ type: 'rect', x, y, w, h, lineColor: INK, lineWidth: 0.5 });
  }
  return out;
}

/** An axis maximum and step from 0: 1, 2 or 5 × 10ⁿ per step, at most 5 steps. */
function niceAxis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough && Number.isInteger(s)) ?? 1;
  const safeStep = Math.max(1, step);
  return { top: Math.ceil(max / safeStep) * safeStep, step: safeStep };
}

/** A text placed at (x, y) of the chart, `width` wide, detached from the flow. */
const placed = (x: number, y: number, width: number, text: string, style: Record<string, unknown>): Node => ({
  relativePosition: { x, y },
  columns: [{ width, text, ...style }],
});

interface ChartGroup {
  label: string;
  bars: Array<{ value: number; style: BarStyle }>;
}

/**
 * A vertical bar chart drawn with canvas vectors: an axis from 0 with labelled ticks, bars to scale,
 * each bar's value above it, the group labels below.
 */
function barChart(groups: ChartGroup[], axisTitle: string, lang: ReportLang, width: number): Node {
  const height = 150;
  const left = 44;
  const top = 22;
  const plotW = width - left - 4;
  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
  const { top: axisTop, step } = niceAxis(max);
  const y = (v: number) => top + height - (v / axisTop) * height;
  const vectors: Vector[] = [];
  const labels: Node[] = [placed(0, 0, width, axisTitle, { fontSize: 7, color: MUTED })];
  for (let v = 0; v <= axisTop; v += step) {
    const yy = y(v);
    vectors.push({
      type: 'line',
      x1: left,
      y1: yy,
      x2: left + plotW,
      y2: yy,
      lineWidth: v === 0 ? 0.8 : 0.4,
      lineColor: v === 0 ? INK : '#DDDDDD',
    });
    labels.push(placed(0, yy - 4, left - 6, formatNumber(v, lang), { fontSize: 7, color: MUTED, alignment: 'right' }));
  }
  vectors.push({ type: 'line', x1: left, y1: top, x2: left, y2: top + height, lineWidth: 0.8, lineColor: INK });
  const groupW = plotW / Math.max(1, groups.length);
  groups.forEach((group, gi) => {
    const n = group.bars.length;
    const barW = Math.min(46, (groupW * 0.7) / Math.max(1, n));
    const start = left + gi * groupW + (groupW - barW * n) / 2;
    group.bars.forEach((b, bi) => {
      const x = start + bi * barW;
      vectors.push(...bar(x + 1, y(b.value), barW - 2, top + height - y(b.value), b.style));
      labels.push(
        placed(x - 10, y(b.value) - 10, barW + 20, formatNumber(b.value, lang), {
          fontSize: 7.5,
          bold: true,
          alignment: 'center',
          background: '#FFFFFF',
        }),
      );
    });
    labels.push(
      placed(left + gi * groupW, top + height + 4, groupW, group.label, { fontSize: 8, alignment: 'center' }),
    );
  });
  // the group labels hang below the axis: the canvas reaches down to take their room in the flow
  const bottom = top + height + 18;
  vectors.push({ type: 'line', x1: 0, y1: bottom, x2: 0, y2: bottom, lineWidth: 0 });
  // the texts come after the canvas (drawn over the bars), placed back up from its bottom
  const over = labels.map((label) => {
    const at = (label as { relativePosition: { x: number; y: number } }).relativePosition;
    return { ...(label as object), relativePosition: { x: at.x, y: at.y - bottom } };
  });
  return { stack: [{ canvas: vectors }, ...over], margin: [0, 0, 0, 8] };
}

/** The legend, one entry a line, in the order of the bars. */
function legend(entries: Array<{ label: string; style: BarStyle }>): Node {
  return {
    stack: entries.map((entry) => ({
      columns: [
        { width: 14, canvas: bar(0, 1.5, 10, 10, entry.style) },
        { width: '*', text: entry.label, fontSize: 8 },
      ],
      margin: [0, 0, 0, 4],
    })),
    margin: [0, 24, 0, 0],
  };
}

// PDF building blocks ------------------------------------------------------------------------------

const cell = (text: string, extra: Record<string, unknown> = {}): Node => ({ text, ...extra });
const num = (text: string, extra: Record<string, unknown> = {}): Node => ({ text, alignment: 'right', ...extra });

/** Tables this short stay on one page with their heading. */
const KEEP_TOGETHER_ROWS = 25;

/**
 * A table with a header row, light rules, numbers to the right; `rows` of nothing get a "no data" line.
 * `headings` come first and stay on the same page as the table (as long as it is short).
 */
function table(
  headers: string[],
  widths: Array<number | string>,
  rows: Node[][],
  t: ReportText,
  headings: Node[] = [],
): Node {
  const body = tableBody(headers, widths, rows, t);
  return headings.length === 0 ? body : { stack: [...headings, body], unbreakable: rows.length <= KEEP_TOGETHER_ROWS };
}

function tableBody(headers: string[], widths: Array<number | string>, rows: Node[][], t: ReportText): Node {
  if (rows.length === 0) return { text: t.none, style: 'note', margin: [0, 0, 0, 10] };
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths,
      dontBreakRows: true,
      body: [headers.map((h, i) => ({ text: h, style: 'th', alignment: i === 0 ? 'left' : 'right' })), ...rows],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3,
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? INK : RULE),
      fillColor: (row: number) => (row === 0 ? '#F0F0F0' : null),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 10],
  };
}

/** A two-column table of figures: label, value. */
function figureTable(rows: Array<[string, string]>, t: ReportText, headings: Node[] = []): Node {
  return table(
    [t.columns.figure, t.columns.value],
    ['*', 110],
    rows.map(([label, value]) => [cell(label), num(value)]),
    t,
    headings,
  );
}

const heading = (text: string): Node => ({ text, style: 'h2', headlineLevel: 2 });
const subheading = (text: string): Node => ({ text, style: 'h3', headlineLevel: 3 });

// The PDF --------------------------------------------------------------------------------------------

const CONTENT_WIDTH = 595.28 - 2 * 48;

/** The report as a PDF: A4, numbered pages, a draft marked as such on every page. */
export async function renderReportPdf(
  figures: PartnerReportFigures,
  meta: ReportDocumentMeta,
  lang: ReportLang,
): Promise<Buffer> {
  return pdfmake()
    .createPdf(reportDefinition(figures, meta, lang))
    .getBuffer();
}

function reportDefinition(f: PartnerReportFigures, meta: ReportDocumentMeta, lang: ReportLang): PdfDocDefinition {
  const t = REPORT_TEXT[lang];
  const n = (v: number, decimals = 0) => formatNumber(v, lang, decimals);
  const pct = (v: number | null) => (v === null ? t.notApplicable : t.percent(formatNumber(v, lang, 1, true)));
  const published = meta.status === 'published';
  const marking = meta.status === 'published' ? null : t.notForRelease[meta.status];
  const country = partnerCountryName(f.partner.code, f.partner.name, lang);
  const partnerLine = `${country} (${f.partner.code})`;
  const periodLine = formatPeriod(f.period, lang);
  const stamp = meta.publishedAt ?? new Date(f.computedAt);

  // fleet
  const byStatus = new Map(f.fleet.byStatus.map((s) => [s.status, s.systems]));
  const byReadiness = new Map(f.fleet.byReadiness.map((r) => [r.readiness, r.systems]));
  const active = f.fleet.systems - (byStatus.get('written_off') ?? 0);
  const share = (count: number) => (active > 0 ? pct(Math.round((count / active) * 1000) / 10) : t.notApplicable);
  const readinessChart: Node = {
    unbreakable: true,
    stack: [
      subheading(t.charts.readiness),
      {
        columns: [
          {
            width: 300,
            stack: [
              barChart(
                readinessClasses.map((cls) => ({
                  label: cls,
                  bars: [{ value: byReadiness.get(cls) ?? 0, style: READINESS_STYLE[cls] }],
                })),
                t.charts.systemsAxis,
                lang,
                300,
              ),
            ],
          },
          legend(
            readinessClasses.map((cls) => ({ label: `${cls} — ${t.readiness[cls]}`, style: READINESS_STYLE[cls] })),
          ),
        ],
        columnGap: 16,
      },
    ],
  };

  const supplyChart: Node = {
    unbreakable: true,
    stack: [
      heading(`4. ${t.sections.supply}`),
      subheading(t.charts.supply),
      {
        columns: [
          {
            width: 300,
            stack: [
              barChart(
                f.supply.months.map((m) => ({
                  label: formatMonth(m.month, lang),
                  bars: [
                    { value: m.plannedComponents, style: PLANNED_STYLE },
                    { value: m.deliveredComponents, style: RECEIVED_STYLE },
                  ],
                })),
                t.charts.componentsAxis,
                lang,
                300,
              ),
            ],
          },
          legend([
            { label: t.charts.planned, style: PLANNED_STYLE },
            { label: t.charts.received, style: RECEIVED_STYLE },
          ]),
        ],
        columnGap: 16,
      },
    ],
  };

  const content: Node[] = [
    { text: t.title, style: 'title' },
    { text: partnerLine, style: 'partner' },
    { text: periodLine, style: 'period' },
    { text: t.figuresAsOf(formatDateTime(f.computedAt, lang)), style: 'meta' },
    { text: `${t.reportStatus}: ${t.statuses[meta.status]}`, style: 'meta' },
    ...(f.inProgress ? [{ text: t.inProgress, style: 'note', margin: [0, 4, 0, 0] }] : []),
    ...(marking
      ? [
          {
            table: { widths: ['*'], body: [[{ text: marking, style: 'marking', alignment: 'center' }]] },
            layout: {
              hLineColor: () => ALERT,
              vLineColor: () => ALERT,
              hLineWidth: () => 1.2,
              vLineWidth: () => 1.2,
              paddingTop: () => 5,
              paddingBottom: () => 5,
            },
            margin: [0, 10, 0, 0],
          },
        ]
      : []),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: INK }],
      margin: [0, 12, 0, 4],
    },

    figureTable(
      [
        [t.figures.systems, n(f.fleet.systems)],
        [t.figures.availabilityRate, pct(f.fleet.availabilityRate)],
        [t.figures.deliveredInPeriod, n(f.fleet.deliveredInPeriod)],
      ],
      t,
      [heading(`1. ${t.sections.fleet}`)],
    ),
    readinessChart,
    {
      columns: [
        {
          width: 170,
          stack: [
            subheading(t.fleetTables.byStatus),
            table(
              [t.columns.status, t.columns.systems],
              ['*', 50],
              systemStatuses.map((s) => [cell(t.systemStatuses[s]), num(n(byStatus.get(s) ?? 0))]),
              t,
            ),
          ],
        },
        {
          width: '*',
          stack: [
            subheading(t.fleetTables.byReadiness),
            table(
              [t.columns.readiness, t.columns.systems, t.columns.share],
              ['*', 44, 50],
              readinessClasses.map((cls) => [
                cell(`${cls} — ${t.readiness[cls]}`),
                num(n(byReadiness.get(cls) ?? 0)),
                num(share(byReadiness.get(cls) ?? 0)),
              ]),
              t,
            ),
          ],
        },
      ],
      columnGap: 16,
      unbreakable: true,
    },
    table(
      [t.columns.model, t.columns.systems, t.columns.available, t.columns.delivered],
      ['*', 60, 100, 100],
      f.fleet.byModel.map((m) => [cell(m.designation), num(n(m.systems)), num(n(m.available)), num(n(m.delivered))]),
      t,
      [subheading(t.fleetTables.byModel)],
    ),

    figureTable(
      [
        [t.figures.opened, n(f.repairs.opened)],
        [t.figures.completed, n(f.repairs.completed)],
        [
          t.figures.medianTurnaroundDays,
          f.repairs.medianTurnaroundDays === null ? t.notApplicable : n(f.repairs.medianTurnaroundDays, 1),
        ],
        [t.figures.openAtEnd, n(f.repairs.openAtEnd)],
      ],
      t,
      [heading(`2. ${t.sections.repairs}`)],
    ),

    figureTable(
      [
        [t.figures.rounds, n(f.use.rounds)],
        [t.figures.efc, n(f.use.efc, 2)],
      ],
      t,
      [heading(`3. ${t.sections.use}`)],
    ),
    table(
      [t.columns.model, t.columns.rounds, t.columns.efc],
      ['*', 90, 90],
      f.use.byModel.map((m) => [cell(m.designation), num(n(m.rounds)), num(n(m.efc, 2))]),
      t,
      [subheading(t.useTables.byModel)],
    ),

    supplyChart,
    table(
      [
        t.columns.month,
        t.figures.plannedComponents,
        t.figures.deliveredComponents,
        t.figures.plannedSystems,
        t.figures.deliveredSystems,
      ],
      ['*', 78, 78, 78, 78],
      f.supply.months.map((m) => [
        cell(formatMonth(m.month, lang)),
        num(n(m.plannedComponents)),
        num(n(m.deliveredComponents)),
        num(n(m.plannedSystems)),
        num(n(m.deliveredSystems)),
      ]),
      t,
    ),
    figureTable(
      [
        [t.figures.openRequests, n(f.supply.openRequests)],
        [t.figures.overdueRequests, n(f.supply.overdueRequests)],
      ],
      t,
      [subheading(t.supplyTables.requests)],
    ),

    figureTable(
      [
        [t.figures.cohortsCompleted, n(f.training.cohortsCompleted)],
        [t.figures.peopleQualified, n(f.training.peopleQualified)],
      ],
      t,
      [heading(`5. ${t.sections.training}`)],
    ),
    table(
      [
        t.columns.model,
        t.columns.systemsInService,
        t.columns.crewsRequired,
        t.columns.crewsCovered,
        t.columns.coverage,
      ],
      ['*', 70, 70, 70, 70],
      f.training.coverage.map((c) => [
        cell(c.designation),
        num(n(c.systemsInService)),
        num(n(c.crewsRequired)),
        num(n(c.crewsCovered)),
        num(pct(c.coveragePercent)),
      ]),
      t,
      [subheading(t.trainingTables.coverage)],
    ),

    {
      unbreakable: true,
      stack: [
        heading(t.sections.publication),
        ...(published
          ? [
              { text: t.publishedOn(formatDateTime(stamp, lang), meta.publishedBy ?? t.notApplicable), style: 'body' },
              {
                text: [
                  { text: `${t.figuresSha256}: ` },
                  { text: meta.figuresSha256 ?? t.notApplicable, style: 'mono' },
                ],
                style: 'body',
              },
              { text: t.shaHint, style: 'note' },
            ]
          : [{ text: marking ?? '', style: 'marking' }]),
      ],
    },
  ];

  return {
    info: {
      title: `${t.title} — ${f.partner.code} ${f.period.period}`,
      author: 'JV Tracker',
      subject: `${t.documentKind}: ${partnerLine}, ${periodLine}`,
      creator: 'JV Tracker',
      producer: 'JV Tracker (pdfmake)',
      creationDate: stamp,
      modDate: stamp,
    },
    language: lang,
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9, color: INK, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 0, 0, 6] },
      partner: { fontSize: 13, bold: true, margin: [0, 0, 0, 2] },
      period: { fontSize: 11, margin: [0, 0, 0, 4] },
      meta: { fontSize: 9, color: MUTED },
      h2: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 4] },
      th: { bold: true, fontSize: 8.5 },
      note: { fontSize: 8, italics: true, color: MUTED },
      body: { fontSize: 9, margin: [0, 0, 0, 4] },
      mono: { fontSize: 8 },
      marking: { fontSize: 11, bold: true, color: ALERT },
    },
    header: () => ({
      columns: [
        { text: `JV Tracker · ${t.documentKind}`, width: '*' },
        { text: `${partnerLine} · ${periodLine}`, width: 'auto', alignment: 'right' },
      ],
      fontSize: 7.5,
      color: MUTED,
      margin: [48, 24, 48, 0],
    }),
    footer: (page, pages) => ({
      columns: [
        marking
          ? { text: marking, bold: true, color: ALERT, width: '*' }
          : { text: `${t.figuresSha256}: ${meta.figuresSha256 ?? t.notApplicable}`, width: '*', color: MUTED },
        { text: t.page(page, pages), width: 'auto', alignment: 'right' },
      ],
      fontSize: 7.5,
      margin: [48, 20, 48, 0],
    }),
    ...(marking
      ? { watermark: { text: marking.split(' — ')[0], color: ALERT, opacity: 0.08, bold: true, fontSize: 90 } }
      : {}),
    // a heading never ends a page: it moves to the next one with what it heads
    pageBreakBefore: (node, on) =>
      node.headlineLevel !== undefined &&
      on.getFollowingNodesOnPage().every((next) => (next as { headlineLevel?: number }).headlineLevel !== undefined),
    content,
  };
}

// The CSV ------------------------------------------------------------------------------------------

type CsvValue = string | number | null;

/**
 * The report as CSV: a localized header, then one row per figure and breakdown — section, figure,
 * breakdown (a status, a readiness class, a model, a month `YYYY-MM`), value. Values stay machine-
 * readable: plain numbers with `.` decimals, ISO dates, codes; an empty value is a figure that has
 * none (no systems, no completed jobs). UTF-8 with BOM and CRLF, formula-safe (common/csv.ts).
 */
export function renderReportCsv(f: PartnerReportFigures, meta: ReportDocumentMeta, lang: ReportLang): string {
  const t = REPORT_TEXT[lang];
  const rows: CsvCells[] = [];
  const add = (section: ReportSection, figure: ReportFigure, breakdown: string, value: CsvValue) =>
    rows.push([t.csvSections[section], t.figures[figure], breakdown, value ?? '']);
  const byStatus = new Map(f.fleet.byStatus.map((s) => [s.status, s.systems]));
  const byReadiness = new Map(f.fleet.byReadiness.map((r) => [r.readiness, r.systems]));

  add('report', 'reportId', '', meta.reportId);
  add('report', 'status', '', meta.status);
  add('report', 'partnerCode', '', f.partner.code);
  add('report', 'partnerName', '', f.partner.name);
  add('report', 'period', '', f.period.period);
  add('report', 'periodStart', '', f.period.start);
  add('report', 'periodEnd', '', f.period.end);
  add('report', 'computedAt', '', new Date(f.computedAt).toISOString());
  add('report', 'inProgress', '', String(f.inProgress));
  add('report', 'publishedAt', '', meta.publishedAt?.toISOString() ?? null);
  add('report', 'publishedBy', '', meta.publishedBy);
  add('report', 'figuresSha256', '', meta.figuresSha256);

  add('fleet', 'systems', '', f.fleet.systems);
  for (const s of systemStatuses) add('fleet', 'systemsByStatus', t.systemStatuses[s], byStatus.get(s) ?? 0);
  for (const cls of readinessClasses) add('fleet', 'systemsByReadiness', cls, byReadiness.get(cls) ?? 0);
  add('fleet', 'availabilityRate', '', f.fleet.availabilityRate);
  add('fleet', 'deliveredInPeriod', '', f.fleet.deliveredInPeriod);
  for (const m of f.fleet.byModel) {
    add('fleet', 'modelSystems', m.designation, m.systems);
    add('fleet', 'modelAvailable', m.designation, m.available);
    add('fleet', 'modelDelivered', m.designation, m.delivered);
  }

  add('repairs', 'opened', '', f.repairs.opened);
  add('repairs', 'completed', '', f.repairs.completed);
  add('repairs', 'medianTurnaroundDays', '', f.repairs.medianTurnaroundDays);
  add('repairs', 'openAtEnd', '', f.repairs.openAtEnd);

  add('use', 'rounds', '', f.use.rounds);
  add('use', 'efc', '', f.use.efc);
  for (const m of f.use.byModel) {
    add('use', 'modelRounds', m.designation, m.rounds);
    add('use', 'modelEfc', m.designation, m.efc);
  }

  for (const m of f.supply.months) {
    add('supply', 'plannedComponents', m.month, m.plannedComponents);
    add('supply', 'deliveredComponents', m.month, m.deliveredComponents);
    add('supply', 'plannedSystems', m.month, m.plannedSystems);
    add('supply', 'deliveredSystems', m.month, m.deliveredSystems);
  }
  add('supply', 'openRequests', '', f.supply.openRequests);
  add('supply', 'overdueRequests', '', f.supply.overdueRequests);

  add('training', 'cohortsCompleted', '', f.training.cohortsCompleted);
  add('training', 'peopleQualified', '', f.training.peopleQualified);
  for (const c of f.training.coverage) {
    add('training', 'systemsInService', c.designation, c.systemsInService);
    add('training', 'crewsRequired', c.designation, c.crewsRequired);
    add('training', 'crewsCovered', c.designation, c.crewsCovered);
    add('training', 'coveragePercent', c.designation, c.coveragePercent);
  }

  return `\uFEFF${csvHeader([t.csv.section, t.csv.figure, t.csv.breakdown, t.csv.value])}${toCsvLines(rows)}`;
}
