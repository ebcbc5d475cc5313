import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TrainingCalendar } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useTrainingCalendar, useTrainingUtilisation } from '../api/reports';
import { useTrainingBaseOptions } from '../api/lookups';

type View = 'month' | 'week';
const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** The window shown: the month (or the Monday-to-Sunday week) that holds `anchor`. */
export function calendarWindow(anchor: string, view: View): { from: string; to: string; days: string[] } {
  const a = utc(anchor);
  let start: Date;
  let end: Date;
  if (view === 'month') {
    start = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1));
    end = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 0));
  } else {
    start = new Date(a);
    start.setUTCDate(a.getUTCDate() - ((a.getUTCDay() + 6) % 7));
    end = new Date(start);
    end.setUTCDate(start.getUTCDate() + 6);
  }
  const days: string[] = [];
  for (const d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + 1)) days.push(iso(d));
  return { from: iso(start), to: iso(end), days };
}

function shift(anchor: string, view: View, by: number): string {
  const d = utc(anchor);
  if (view === 'month') return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + by, 1)));
  d.setUTCDate(d.getUTCDate() + 7 * by);
  return iso(d);
}

type Base = TrainingCalendar['bases'][number];

/** One base: a row of bars per cohort over the days, and the seats used per day against the capacity. */
export function BaseCalendar({ base, days }: { base: Base; days: string[] }) {
  const { t } = useTranslation();
  const seatsOn = new Map(base.days.map((d) => [d.day, d.seats]));
  return (
    <div className="tr-cal-base" data-testid="calendar-base" data-facility-id={base.facilityId}>
      <h2>
        {base.facilityCode} — {base.facilityName}{' '}
        <span className="muted">{t('training.calendar.capacity', { capacity: base.capacity })}</span>
      </h2>
      <div className="table-scroll" role="region" aria-label={base.facilityName} tabIndex={0}>
        <table className="tr-calendar">
          <caption className="visually-hidden">{base.facilityName}</caption>
          <thead>
            <tr>
              <th scope="col" className="tr-cal-label">
                {t('training.calendar.cohortRow')}
              </th>
              {days.map((d) => (
                <th key={d} scope="col" title={d}>
                  {Number(d.slice(8))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {base.cohorts.map((c) => (
              <tr key={c.id} data-testid="calendar-cohort">
                <th scope="row" className="tr-cal-label">
                  <Link to={`/training/cohorts/${c.id}`} title={c.courseTitle}>
                    {c.code}
                  </Link>
                </th>
                {days.map((d) => {
                  const on = c.startsOn <= d && d <= c.endsOn;
                  return (
                    <td
                      key={d}
                      className={
                        on ? `tr-cal-bar${c.status === 'cancelled' ? ' tr-cal-bar-cancelled' : ''}` : undefined
                      }
                      title={on ? `${c.code}: ${c.seatsTaken}/${c.seats}` : undefined}
                    >
                      {on && (d === c.startsOn || d === days[0]) ? c.seats : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr data-testid="calendar-seats">
              <th scope="row" className="tr-cal-label tr-cal-seats-label">
                {t('training.calendar.seatsPerDay')}
                <br />
                <span className="muted">{t('training.calendar.capacity', { capacity: base.capacity })}</span>
              </th>
              {days.map((d) => {
                const seats = seatsOn.get(d) ?? 0;
                const over = seats > base.capacity;
                return (
                  <td
                    key={d}
                    className={over ? 'tr-cal-seats-over' : undefined}
                    data-testid="calendar-day"
                    data-day={d}
                    data-seats={seats}
                    data-capacity={base.capacity}
                    title={`${d}: ${t('training.calendar.dayCell', { seats, capacity: base.capacity })}`}
                  >
                    {seats}
                    {over ? <span className="visually-hidden"> {t('training.calendar.overCapacity')}</span> : null}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      {base.cohorts.length === 0 ? <p className="muted">{t('training.calendar.noCohorts')}</p> : null}
    </div>
  );
}

function UtilisationTable({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const query = useTrainingUtilisation({ from, to });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.bases.length === 0) return <p className="muted">{t('training.utilisation.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={t('training.utilisation.title')} tabIndex={0}>
      <table className="data-table" data-testid="utilisation">
        <caption className="visually-hidden">{t('training.utilisation.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.fields.base')}</th>
            <th scope="col" className="num">
              {t('training.fields.seats')}
            </th>
            <th scope="col" className="num">
              {t('training.utilisation.seatDaysUsed')}
            </th>
            <th scope="col" className="num">
              {t('training.utilisation.seatDaysAvailable')}
            </th>
            <th scope="col" className="num">
              {t('training.utilisation.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {query.data.bases.map((b) => (
            <tr key={b.facilityId} data-testid="row">
              <td>{b.facilityCode}</td>
              <td className="num">{b.capacity}</td>
              <td className="num">{b.seatDaysUsed}</td>
              <td className="num">{b.seatDaysAvailable}</td>
              <td className="num">{b.utilisationPercent === null ? '—' : `${b.utilisationPercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /training/calendar — per training base, a month (or week) of cohorts and seats per day; utilisation below. */
export function CalendarPage({ today = iso(new Date()) }: { today?: string }) {
  const { t } = useTranslation();
  const bases = useTrainingBaseOptions();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [facilityId, setFacilityId] = useState('');
  const range = useMemo(() => calendarWindow(anchor, view), [anchor, view]);
  const query = useTrainingCalendar({ facilityId: facilityId || undefined, from: range.from, to: range.to });

  return (
    <section>
      <PageHeader title={t('training.calendar.title')} description={t('training.calendar.description')} />
      <ListToolbar>
        <FilterSelect
          name="facilityId"
          label={t('training.fields.base')}
          value={facilityId}
          options={bases.options}
          onChange={setFacilityId}
        />
        <div className="toolbar-item tr-cal-controls">
          <Button onClick={() => setAnchor(shift(anchor, view, -1))} data-testid="calendar-previous">
            {t('training.calendar.previous')}
          </Button>
          <Button onClick={() => setAnchor(today)}>{t('training.calendar.today')}</Button>
          <Button onClick={() => setAnchor(shift(anchor, view, 1))} data-testid="calendar-next">
            {t('training.calendar.next')}
          </Button>
          <Button
            variant={view === 'month' ? 'primary' : 'secondary'}
            aria-pressed={view === 'month'}
            onClick={() => setView('month')}
          >
            {t('training.calendar.month')}
          </Button>
          <Button
            variant={view === 'week' ? 'primary' : 'secondary'}
            aria-pressed={view === 'week'}
            data-testid="calendar-week"
            onClick={() => setView('week')}
          >
            {t('training.calendar.week')}
          </Button>
        </div>
      </ListToolbar>
      <p className="muted" data-testid="calendar-window">
        {range.from} — {range.to}
      </p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        query.data.bases.length === 0 ? (
          <p className="muted">{t('training.calendar.noBases')}</p>
        ) : (
          query.data.bases.map((b) => <BaseCalendar key={b.facilityId} base={b} days={range.days} />)
        )
      ) : null}
      <h2>{t('training.utilisation.title')}</h2>
      <UtilisationTable from={range.from} to={range.to} />
    </section>
  );
}
