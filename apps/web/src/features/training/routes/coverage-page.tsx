import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrewCoverage } from '@jv/contracts';
import { FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { unitLabel, useUnitOptions } from '../api/lookups';
import { useCrewCoverage } from '../api/reports';

const CoverageChart = lazy(() => import('../components/coverage-chart'));

/** The coverage per model; a model short of crews is marked in words and in colour. */
export function CoverageTable({ data }: { data: CrewCoverage }) {
  const { t } = useTranslation();
  if (data.models.length === 0) return <p className="muted">{t('training.coverage.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={t('training.coverage.title')} tabIndex={0}>
      <table className="data-table" data-testid="coverage-table">
        <caption className="visually-hidden">{t('training.coverage.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.fields.systemModel')}</th>
            <th scope="col">{t('training.coverage.gap')}</th>
            <th scope="col" className="num">
              {t('training.coverage.percent')}
            </th>
            <th scope="col" className="num">
              {t('training.coverage.crewsRequired')}
            </th>
            <th scope="col" className="num">
              {t('training.coverage.crewsCovered')}
            </th>
            <th scope="col" className="num">
              {t('training.coverage.systems')}
            </th>
            <th scope="col" className="num">
              {t('training.coverage.crewSize')}
            </th>
            <th scope="col" className="num">
              {t('training.courseKind.operator')}
            </th>
            <th scope="col" className="num">
              {t('training.courseKind.maintainer')}
            </th>
            <th scope="col" className="num">
              {t('training.courseKind.commander')}
            </th>
            <th scope="col" className="num">
              {t('training.courseKind.instructor')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.models.map((m) => (
            <tr
              key={m.systemModelId}
              data-testid="coverage-row"
              data-model={m.modelDesignation}
              data-gap={m.gap}
              data-covered={m.crewsCovered}
              className={m.gap > 0 ? 'tr-gap-row' : undefined}
            >
              <th scope="row" title={m.modelDesignation}>
                {m.modelDesignation.split(' ')[0] ?? m.modelDesignation}
              </th>
              <td className="nowrap">
                {m.gap > 0 ? (
                  <strong className="tr-gap" data-testid="coverage-gap">
                    ⚠ {t('training.coverage.gapText', { gap: m.gap })}
                  </strong>
                ) : (
                  <span className="muted">{t('training.coverage.noGap')}</span>
                )}
              </td>
              <td className="num">{m.coveragePercent === null ? '—' : `${m.coveragePercent}%`}</td>
              <td className="num">{m.crewsRequired}</td>
              <td className="num">{m.crewsCovered}</td>
              <td className="num">{m.systemsInService}</td>
              <td className="num">{m.crewSize ?? '—'}</td>
              <td className="num">{m.qualified.operator}</td>
              <td className="num">{m.qualified.maintainer}</td>
              <td className="num">{m.qualified.commander}</td>
              <td className="num">{m.qualified.instructor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /training/coverage — crew coverage per system model, optionally for one unit, with a chart. */
export function CoveragePage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const units = useUnitOptions();
  const query = useCrewCoverage(unitId || undefined);
  return (
    <section>
      <PageHeader title={t('training.coverage.title')} description={t('training.coverage.description')} />
      <ListToolbar>
        <FilterSelect
          name="unitId"
          label={t('training.fields.unit')}
          value={unitId}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
          onChange={setUnitId}
        />
      </ListToolbar>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <CoverageTable data={query.data} />
          {query.data.models.length ? (
            <Suspense fallback={<LoadingState />}>
              <CoverageChart data={query.data} />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
