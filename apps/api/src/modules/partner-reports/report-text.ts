import type { ReportLang } from '@jv/contracts';
import type { PartnerReportStatus, ReadinessClass, SystemStatus } from '@jv/domain';

/**
 * The words of the partner report documents (PDF and CSV) in Ukrainian and English. Every dictionary
 * is typed by its keys, so a label missing in one language fails the typecheck. The wording follows
 * the web app (apps/web/src/i18n/partner-reports.*.ts, systems.*.ts).
 */

/** The sections of a report, in document order (`report`: what the report is; the CSV's first rows). */
export const reportSections = ['report', 'fleet', 'repairs', 'use', 'supply', 'training'] as const;
export type ReportSection = (typeof reportSections)[number];

/** Every figure the documents show, by section; the CSV has one row per figure and breakdown. */
export const reportFigureKeys = {
  report: [
    'reportId',
    'status',
    'partnerCode',
    'partnerName',
    'period',
    'periodStart',
    'periodEnd',
    'computedAt',
    'inProgress',
    'publishedAt',
    'publishedBy',
    'figuresSha256',
  ],
  fleet: [
    'systems',
    'systemsByStatus',
    'systemsByReadiness',
    'availabilityRate',
    'deliveredInPeriod',
    'modelSystems',
    'modelAvailable',
    'modelDelivered',
  ],
  repairs: ['opened', 'completed', 'medianTurnaroundDays', 'openAtEnd'],
  use: ['rounds', 'efc', 'modelRounds', 'modelEfc'],
  supply: [
    'plannedComponents',
    'deliveredComponents',
    'plannedSystems',
    'deliveredSystems',
    'openRequests',
    'overdueRequests',
  ],
  training: [
    'cohortsCompleted',
    'peopleQualified',
    'systemsInService',
    'crewsRequired',
    'crewsCovered',
    'coveragePercent',
  ],
} as const satisfies Record<ReportSection, readonly string[]>;
export type ReportFigure = (typeof reportFigureKeys)[ReportSection][number];

/** Column headings of the PDF tables. */
export type ReportColumn =
  | 'figure'
  | 'value'
  | 'status'
  | 'readiness'
  | 'systems'
  | 'share'
  | 'model'
  | 'available'
  | 'delivered'
  | 'rounds'
  | 'efc'
  | 'month'
  | 'systemsInService'
  | 'crewsRequired'
  | 'crewsCovered'
  | 'coverage';

/** Headings of the CSV file (machine-readable columns, localized names). */
export type CsvColumn = 'section' | 'figure' | 'breakdown' | 'value';

export interface ReportText {
  /** the document's title */
  title: string;
  /** a short name for the PDF's metadata */
  documentKind: string;
  partner: string;
  period: string;
  /** "figures as of {dateTime}" */
  figuresAsOf: (at: string) => string;
  /** the period had not ended when the figures were computed */
  inProgress: string;
  reportStatus: string;
  statuses: Record<PartnerReportStatus, string>;
  /** the marking on every page of a copy that is not published */
  notForRelease: Record<Exclude<PartnerReportStatus, 'published'>, string>;
  /** "Page X of Y" */
  page: (page: number, pages: number) => string;
  /** "Published on {date} by {name}" */
  publishedOn: (at: string, by: string) => string;
  figuresSha256: string;
  /** what the SHA-256 is for */
  shaHint: string;
  sections: Record<Exclude<ReportSection, 'report'>, string> & { publication: string };
  figures: Record<ReportFigure, string>;
  columns: Record<ReportColumn, string>;
  csv: Record<CsvColumn, string>;
  /** CSV names of the sections */
  csvSections: Record<ReportSection, string>;
  systemStatuses: Record<SystemStatus, string>;
  readiness: Record<ReadinessClass, string>;
  /** breakdown headings inside the fleet section */
  fleetTables: { byStatus: string; byReadiness: string; byModel: string };
  supplyTables: { requests: string };
  useTables: { byModel: string };
  trainingTables: { coverage: string };
  charts: {
    readiness: string;
    /** the y axis of the readiness chart */
    systemsAxis: string;
    supply: string;
    /** the y axis of the supply chart */
    componentsAxis: string;
    planned: string;
    received: string;
  };
  /** "{value} %" */
  percent: (value: string) => string;
  /** an empty figure (no systems, no completed jobs) */
  notApplicable: string;
  /** nothing in a table */
  none: string;
  /** month names, January first, as in "жовтень 2026" / "October 2026" */
  months: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  /** month abbreviations for dates (English "1 Jul 2026") and chart labels */
  monthsShort: readonly [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  /** "III квартал 2026" / "Q3 2026" */
  quarter: (quarter: number, year: number) => string;
  /** "1 Jul 2026" / "01.07.2026" */
  date: (year: number, month: number, day: number) => string;
  /** a date and time in UTC */
  dateTime: (date: string, time: string) => string;
  /** number formatting */
  decimalSeparator: string;
  groupSeparator: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const uk: ReportText = {
  title: 'Звіт про постачання та використання',
  documentKind: 'Звіт партнеру',
  partner: 'Партнер',
  period: 'Період',
  figuresAsOf: (at) => `Показники станом на ${at}`,
  inProgress: 'Період ще не завершився, коли рахували показники: «на кінець періоду» означає «на час розрахунку».',
  reportStatus: 'Статус звіту',
  statuses: {
    draft: 'чернетка',
    approved: 'затверджено, не опубліковано',
    published: 'опубліковано',
    discarded: 'скасовано',
  },
  notForRelease: {
    draft: 'ЧЕРНЕТКА — не для передачі',
    approved: 'ЧЕРНЕТКА — не для передачі (затверджено, не опубліковано)',
    discarded: 'СКАСОВАНО — не для передачі',
  },
  page: (page, pages) => `Сторінка ${page} з ${pages}`,
  publishedOn: (at, by) => `Опубліковано ${at} користувачем ${by}`,
  figuresSha256: 'SHA-256 показників',
  shaHint: 'Контрольна сума показників (канонічний JSON) підтверджує, що це ті самі опубліковані дані.',
  sections: {
    fleet: 'Парк систем',
    repairs: 'Ремонти',
    use: 'Використання',
    supply: 'Постачання: план і фактичні поставки',
    training: 'Навчання',
    publication: 'Публікація',
  },
  figures: {
    reportId: 'Ідентифікатор звіту',
    status: 'Статус звіту',
    partnerCode: 'Код партнера',
    partnerName: 'Партнер',
    period: 'Період',
    periodStart: 'Початок періоду',
    periodEnd: 'Кінець періоду',
    computedAt: 'Показники станом на',
    inProgress: 'Період ще тривав',
    publishedAt: 'Опубліковано',
    publishedBy: 'Опублікував',
    figuresSha256: 'SHA-256 показників',
    systems: 'Систем передано (на кінець періоду)',
    systemsByStatus: 'Систем за статусом',
    systemsByReadiness: 'Систем за класом готовності',
    availabilityRate: 'Коефіцієнт готовності (FMC + PMC), %',
    deliveredInPeriod: 'Передано за період',
    modelSystems: 'Систем моделі',
    modelAvailable: 'Готових систем моделі',
    modelDelivered: 'Передано за період систем моделі',
    opened: 'Відкрито ремонтів',
    completed: 'Завершено ремонтів',
    medianTurnaroundDays: 'Медіанна тривалість ремонту, днів',
    openAtEnd: 'Відкритих ремонтів на кінець періоду',
    rounds: 'Пострілів',
    efc: 'Еквівалентних повних зарядів (EFC)',
    modelRounds: 'Пострілів за моделлю',
    modelEfc: 'EFC за моделлю',
    plannedComponents: 'Компоненти: план',
    deliveredComponents: 'Компоненти: отримано',
    plannedSystems: 'Системи: план',
    deliveredSystems: 'Системи: отримано',
    openRequests: 'Погоджені заявки, ще не доставлені',
    overdueRequests: 'З них прострочені',
    cohortsCompleted: 'Завершених навчальних груп',
    peopleQualified: 'Осіб отримали кваліфікацію',
    systemsInService: 'Систем у строю',
    crewsRequired: 'Потрібно екіпажів',
    crewsCovered: 'Є екіпажів',
    coveragePercent: 'Забезпеченість екіпажами, %',
  },
  columns: {
    figure: 'Показник',
    value: 'Значення',
    status: 'Статус',
    readiness: 'Клас готовності',
    systems: 'Систем',
    share: 'Частка',
    model: 'Модель',
    available: 'Готові (FMC + PMC)',
    delivered: 'Передано за період',
    rounds: 'Пострілів',
    efc: 'EFC',
    month: 'Місяць',
    systemsInService: 'Систем у строю',
    crewsRequired: 'Потрібно екіпажів',
    crewsCovered: 'Є екіпажів',
    coverage: 'Забезпеченість',
  },
  csv: { section: 'Розділ', figure: 'Показник', breakdown: 'Розріз', value: 'Значення' },
  csvSections: {
    report: 'Звіт',
    fleet: 'Парк систем',
    repairs: 'Ремонти',
    use: 'Використання',
    supply: 'Постачання',
    training: 'Навчання',
  },
  systemStatuses: {
    operational: 'Справна',
    degraded: 'Обмежено справна',
    in_repair: 'У ремонті',
    awaiting_parts: 'Очікує запчастин',
    in_transit: 'У дорозі',
    written_off: 'Списана',
  },
  readiness: {
    FMC: 'повністю боєздатна',
    PMC: 'частково боєздатна',
    'NMC-M': 'небоєздатна: технічне обслуговування',
    'NMC-S': 'небоєздатна: постачання',
  },
  fleetTables: { byStatus: 'За статусом', byReadiness: 'За класом готовності', byModel: 'За моделями' },
  supplyTables: { requests: 'Заявки на кінець періоду' },
  useTables: { byModel: 'За моделями' },
  trainingTables: { coverage: 'Забезпеченість екіпажами за моделями' },
  charts: {
    readiness: 'Готовність систем на кінець періоду',
    systemsAxis: 'Систем',
    supply: 'Компоненти: план і отримано за місяцями',
    componentsAxis: 'Компонентів',
    planned: 'План',
    received: 'Отримано',
  },
  percent: (value) => `${value} %`,
  notApplicable: '—',
  none: 'Немає даних за цей період.',
  months: [
    'січень',
    'лютий',
    'березень',
    'квітень',
    'травень',
    'червень',
    'липень',
    'серпень',
    'вересень',
    'жовтень',
    'листопад',
    'грудень',
  ],
  monthsShort: ['січ', 'лют', 'бер', 'кві', 'тра', 'чер', 'лип', 'сер', 'вер', 'жов', 'лис', 'гру'],
  quarter: (quarter, year) => `${ROMAN[quarter - 1]} квартал ${year}`,
  date: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
  dateTime: (date, time) => `${date}, ${time} UTC`,
  decimalSeparator: ',',
  groupSeparator: '\u00A0',
};

const en: ReportText = {
  title: 'Report on deliveries and use',
  documentKind: 'Partner report',
  partner: 'Partner',
  period: 'Period',
  figuresAsOf: (at) => `Figures as of ${at}`,
  inProgress:
    'The period had not ended when the figures were computed: “at the end of the period” means “at that time”.',
  reportStatus: 'Report status',
  statuses: {
    draft: 'draft',
    approved: 'approved, not published',
    published: 'published',
    discarded: 'discarded',
  },
  notForRelease: {
    draft: 'DRAFT — not for release',
    approved: 'DRAFT — not for release (approved, not published)',
    discarded: 'DISCARDED — not for release',
  },
  page: (page, pages) => `Page ${page} of ${pages}`,
  publishedOn: (at, by) => `Published on ${at} by ${by}`,
  figuresSha256: 'SHA-256 of the figures',
  shaHint: 'The checksum of the figures (canonical JSON) confirms these are the same published data.',
  sections: {
    fleet: 'Fleet',
    repairs: 'Repairs',
    use: 'Use',
    supply: 'Supply: plan and deliveries',
    training: 'Training',
    publication: 'Publication',
  },
  figures: {
    reportId: 'Report ID',
    status: 'Report status',
    partnerCode: 'Partner code',
    partnerName: 'Partner',
    period: 'Period',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    computedAt: 'Figures as of',
    inProgress: 'Period still in progress',
    publishedAt: 'Published on',
    publishedBy: 'Published by',
    figuresSha256: 'SHA-256 of the figures',
    systems: 'Systems donated (at the end of the period)',
    systemsByStatus: 'Systems by status',
    systemsByReadiness: 'Systems by readiness class',
    availabilityRate: 'Availability rate (FMC + PMC), %',
    deliveredInPeriod: 'Delivered in the period',
    modelSystems: 'Systems of the model',
    modelAvailable: 'Available systems of the model',
    modelDelivered: 'Systems of the model delivered in the period',
    opened: 'Repair jobs opened',
    completed: 'Repair jobs completed',
    medianTurnaroundDays: 'Median repair turnaround, days',
    openAtEnd: 'Repair jobs open at the end of the period',
    rounds: 'Rounds fired',
    efc: 'Equivalent full charges (EFC)',
    modelRounds: 'Rounds fired by model',
    modelEfc: 'EFC by model',
    plannedComponents: 'Components: planned',
    deliveredComponents: 'Components: received',
    plannedSystems: 'Systems: planned',
    deliveredSystems: 'Systems: received',
    openRequests: 'Approved requests not yet delivered',
    overdueRequests: 'Of those, overdue',
    cohortsCompleted: 'Cohorts completed',
    peopleQualified: 'People qualified',
    systemsInService: 'Systems in service',
    crewsRequired: 'Crews required',
    crewsCovered: 'Crews covered',
    coveragePercent: 'Crew coverage, %',
  },
  columns: {
    figure: 'Figure',
    value: 'Value',
    status: 'Status',
    readiness: 'Readiness class',
    systems: 'Systems',
    share: 'Share',
    model: 'Model',
    available: 'Available (FMC + PMC)',
    delivered: 'Delivered in the period',
    rounds: 'Rounds',
    efc: 'EFC',
    month: 'Month',
    systemsInService: 'Systems in service',
    crewsRequired: 'Crews required',
    crewsCovered: 'Crews covered',
    coverage: 'Coverage',
  },
  csv: { section: 'Section', figure: 'Figure', breakdown: 'Breakdown', value: 'Value' },
  csvSections: {
    report: 'Report',
    fleet: 'Fleet',
    repairs: 'Repairs',
    use: 'Use',
    supply: 'Supply',
    training: 'Training',
  },
  systemStatuses: {
    operational: 'Operational',
    degraded: 'Degraded',
    in_repair: 'In repair',
    awaiting_parts: 'Awaiting parts',
    in_transit: 'In transit',
    written_off: 'Written off',
  },
  readiness: {
    FMC: 'fully mission capable',
    PMC: 'partially mission capable',
    'NMC-M': 'not mission capable, maintenance',
    'NMC-S': 'not mission capable, supply',
  },
  fleetTables: { byStatus: 'By status', byReadiness: 'By readiness class', byModel: 'By model' },
  supplyTables: { requests: 'Requests at the end of the period' },
  useTables: { byModel: 'By model' },
  trainingTables: { coverage: 'Crew coverage by model' },
  charts: {
    readiness: 'Readiness of the systems at the end of the period',
    systemsAxis: 'Systems',
    supply: 'Components: planned and received by month',
    componentsAxis: 'Components',
    planned: 'Planned',
    received: 'Received',
  },
  percent: (value) => `${value}%`,
  notApplicable: '—',
  none: 'No data for this period.',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  quarter: (quarter, year) => `Q${quarter} ${year}`,
  date: (year, month, day) => `${day} ${en.monthsShort[month - 1]} ${year}`,
  dateTime: (date, time) => `${date}, ${time} UTC`,
  decimalSeparator: '.',
  groupSeparator: ',',
};

export const REPORT_TEXT: Record<ReportLang, ReportText> = { uk, en };

/**
 * A number as people read it: uk `1 234,5` (no-break space), en `1,234.5`; at most `decimals`
 * fraction digits, trailing zeros dropped unless `fixed`.
 */
export function formatNumber(value: number, lang: ReportLang, decimals = 0, fixed = false): string {
  const t = REPORT_TEXT[lang];
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  let [whole = '0', fraction = ''] = rounded.toFixed(decimals).split('.');
  if (!fixed) fraction = fraction.replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, t.groupSeparator);
  const sign = value < 0 && rounded !== 0 ? '−' : '';
  return `${sign}${whole}${fraction ? t.decimalSeparator + fraction : ''}`;
}

/** `2026-07-01` → `01.07.2026` / `1 Jul 2026` */
export function formatDate(iso: string, lang: ReportLang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return REPORT_TEXT[lang].date(y, m, d);
}

/** An instant in UTC: `05.10.2026, 09:00 UTC` / `5 Oct 2026, 09:00 UTC`. */
export function formatDateTime(at: Date | string, lang: ReportLang): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const date = REPORT_TEXT[lang].date(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return REPORT_TEXT[lang].dateTime(date, `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`);
}

/** `2026-10` → `жовтень 2026` / `October 2026` */
export function formatMonth(month: string, lang: ReportLang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${REPORT_TEXT[lang].months[m - 1]} ${y}`;
}

/**
 * A period in words with its dates: `III квартал 2026 (01.07.2026 – 30.09.2026)`,
 * `Q3 2026 (1 Jul 2026 – 30 Sep 2026)`, `жовтень 2026 (01.10.2026 – 31.10.2026)`.
 */
export function formatPeriod(
  period: { period: string; kind: 'month' | 'quarter'; start: string; end: string },
  lang: ReportLang,
): string {
  const year = Number(period.period.slice(0, 4));
  const name =
    period.kind === 'quarter'
      ? REPORT_TEXT[lang].quarter(Number(period.period.slice(6)), year)
      : formatMonth(period.period, lang);
  return `${name} (${formatDate(period.start, lang)} – ${formatDate(period.end, lang)})`;
}

const regionNames: Partial<Record<ReportLang, Intl.DisplayNames>> = {};

/** The partner country's name in the document's language (`LV` → Латвія / Latvia); the stored name else. */
export function partnerCountryName(code: string, fallback: string, lang: ReportLang): string {
  try {
    regionNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    return regionNames[lang].of(code.toUpperCase()) ?? fallback;
  } catch {
    return fallback; // not a region code
  }
}
