import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerReportFigures } from '@jv/contracts';
import { useReportFormat } from './use-report-format';

interface FigureColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  num?: boolean;
}

/** A small readable table of one breakdown; "no data" when it has no rows. */
function FigureTable<T>({
  caption,
  rows,
  columns,
  rowKey,
  testId,
}: {
  caption: string;
  rows: T[];
  columns: FigureColumn<T>[];
  rowKey: (row: T) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="pr-figure-block" data-testid={testId}>
      <h4>{caption}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('partnerReports.figures.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table pr-figure-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.num ? 'num' : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The headline figures of a section as a two-column table: figure, value. */
function KeyFigures({ caption, items }: { caption: string; items: { key: string; label: string; value: string }[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table pr-key-figures">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('partnerReports.figures.figure')}</th>
          <th scope="col">{t('partnerReports.figures.value')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key} data-testid={`figure-${item.key}`}>
            <th scope="row">{item.label}</th>
            <td className="num">{item.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="pr-section" aria-labelledby={`pr-section-${id}`} data-testid={`figures-${id}`}>
      <h3 id={`pr-section-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The figures of a report (or of its live preview) as readable tables, one section each: fleet,
 * repairs, use, supply and training.
 */
export function ReportFigures({ figures }: { figures: PartnerReportFigures }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const { fleet, repairs, use, supply, training } = figures;
  const label = (key: string) => t(`partnerReports.figures.${key}` as 'partnerReports.figures.value');
  const model = t('partnerReports.figures.model');

  return (
    <div className="pr-figures" data-testid="report-figures">
      <Section id="fleet" title={t('partnerReports.sections.fleet')}>
        <KeyFigures
          caption={t('partnerReports.sections.fleet')}
          items={[
            { key: 'systems', label: label('systems'), value: f.number(fleet.systems) },
            { key: 'availabilityRate', label: label('availabilityRate'), value: f.percent(fleet.availabilityRate) },
            { key: 'deliveredInPeriod', label: label('deliveredInPeriod'), value: f.number(fleet.deliveredInPeriod) },
          ]}
        />
        <div className="pr-figure-grid">
          <FigureTable
            caption={label('byStatus')}
            testId="figures-fleet-status"
            rows={fleet.byStatus}
            rowKey={(r) => r.status}
            columns={[
              { header: t('partnerReports.fields.status'), cell: (r) => t(`systems.status.${r.status}`) },
              { header: label('count'), cell: (r) => f.number(r.systems), num: true },
            ]}
          />
          <FigureTable
            caption={label('byReadiness')}
            testId="figures-fleet-readiness"
            rows={fleet.byReadiness}
            rowKey={(r) => r.readiness}
            columns={[
              { header: t('systems.fields.readiness'), cell: (r) => t(`systems.readiness.${r.readiness}`) },
              { header: label('count'), cell: (r) => f.number(r.systems), num: true },
            ]}
          />
        </div>
        <FigureTable
          caption={label('byModel')}
          testId="figures-fleet-models"
          rows={fleet.byModel}
          rowKey={(r) => r.modelId}
          columns={[
            { header: model, cell: (r) => r.designation },
            { header: label('count'), cell: (r) => f.number(r.systems), num: true },
            { header: label('available'), cell: (r) => f.number(r.available), num: true },
            { header: label('delivered'), cell: (r) => f.number(r.delivered), num: true },
          ]}
        />
      </Section>

      <Section id="repairs" title={t('partnerReports.sections.repairs')}>
        <KeyFigures
          caption={t('partnerReports.sections.repairs')}
          items={[
            { key: 'opened', label: label('opened'), value: f.number(repairs.opened) },
            { key: 'completed', label: label('completed'), value: f.number(repairs.completed) },
            {
              key: 'medianTurnaroundDays',
              label: label('medianTurnaroundDays'),
              value: f.number(repairs.medianTurnaroundDays),
            },
            { key: 'openAtEnd', label: label('openAtEnd'), value: f.number(repairs.openAtEnd) },
          ]}
        />
      </Section>

      <Section id="use" title={t('partnerReports.sections.use')}>
        <KeyFigures
          caption={t('partnerReports.sections.use')}
          items={[
            { key: 'rounds', label: label('rounds'), value: f.number(use.rounds) },
            { key: 'efc', label: label('efc'), value: f.number(use.efc) },
          ]}
        />
        <FigureTable
          caption={label('byModel')}
          testId="figures-use-models"
          rows={use.byModel}
          rowKey={(r) => r.modelId}
          columns={[
            { header: model, cell: (r) => r.designation },
            { header: label('rounds'), cell: (r) => f.number(r.rounds), num: true },
            { header: label('efc'), cell: (r) => f.number(r.efc), num: true },
          ]}
        />
      </Section>

      <Section id="supply" title={t('partnerReports.sections.supply')}>
        <FigureTable
          caption={label('byMonth')}
          testId="figures-supply-months"
          rows={supply.months}
          rowKey={(r) => r.month}
          columns={[
            { header: label('month'), cell: (r) => f.month(r.month) },
            { header: label('plannedComponents'), cell: (r) => f.number(r.plannedComponents), num: true },
            { header: label('deliveredComponents'), cell: (r) => f.number(r.deliveredComponents), num: true },
            { header: label('plannedSystems'), cell: (r) => f.number(r.plannedSystems), num: true },
            { header: label('deliveredSystems'), cell: (r) => f.number(r.deliveredSystems), num: true },
          ]}
        />
        <KeyFigures
          caption={t('partnerReports.sections.supply')}
          items={[
            { key: 'openRequests', label: label('openRequests'), value: f.number(supply.openRequests) },
            { key: 'overdueRequests', label: label('overdueRequests'), value: f.number(supply.overdueRequests) },
          ]}
        />
      </Section>

      <Section id="training" title={t('partnerReports.sections.training')}>
        <KeyFigures
          caption={t('partnerReports.sections.training')}
          items={[
            { key: 'cohortsCompleted', label: label('cohortsCompleted'), value: f.number(training.cohortsCompleted) },
            { key: 'peopleQualified', label: label('peopleQualified'), value: f.number(training.peopleQualified) },
          ]}
        />
        <FigureTable
          caption={label('coverage')}
          testId="figures-training-coverage"
          rows={training.coverage}
          rowKey={(r) => r.modelId}
          columns={[
            { header: model, cell: (r) => r.designation },
            { header: label('systemsInService'), cell: (r) => f.number(r.systemsInService), num: true },
            { header: label('crewsRequired'), cell: (r) => f.number(r.crewsRequired), num: true },
            { header: label('crewsCovered'), cell: (r) => f.number(r.crewsCovered), num: true },
            { header: label('coveragePercent'), cell: (r) => f.percent(r.coveragePercent), num: true },
          ]}
        />
      </Section>
    </div>
  );
}
