import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyKinds, type SystemHistoryEntry } from '@jv/contracts';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useSystemLabels } from './system-labels';

const STEP = 20;
type KindFilter = 'all' | SystemHistoryEntry['kind'];

/**
 * Status changes (with reason), barrel changes and usage reports, newest first, like a weapon record
 * card. Daily usage would bury the rest, so the list can be narrowed to one kind and grows by 20.
 */
export function HistoryTimeline({ entries }: { entries: SystemHistoryEntry[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useSystemLabels();
  const [kind, setKind] = useState<KindFilter>('all');
  const [shown, setShown] = useState(STEP);
  if (entries.length === 0) return <EmptyState message={t('systems.history.empty')} />;

  const matching = kind === 'all' ? entries : entries.filter((e) => e.kind === kind);
  const visible = matching.slice(0, shown);
  const count = (k: KindFilter) => (k === 'all' ? entries.length : entries.filter((e) => e.kind === k).length);

  const title = (e: SystemHistoryEntry) => {
    switch (e.kind) {
      case 'status':
        return e.fromStatus && e.toStatus
          ? t('systems.history.statusChange', { from: labels.status(e.fromStatus), to: labels.status(e.toStatus) })
          : t('systems.history.statusSet', { to: e.toStatus ? labels.status(e.toStatus) : '—' });
      case 'barrel_change':
        return t('systems.history.barrelChange', { old: e.oldBarrelSerial ?? '—', new: e.newBarrelSerial ?? '—' });
      case 'usage':
        return t('systems.history.usage', {
          rounds: fmt.number(e.rounds),
          efc: fmt.number(e.efc),
          date: fmt.date(e.date),
        });
      default:
        return e.kind;
    }
  };

  return (
    <>
      <div className="segmented segmented-small" role="radiogroup" aria-label={t('systems.history.filter')}>
        {(['all', ...historyKinds] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className={`btn ${kind === k ? 'btn-primary' : 'btn-secondary'}`}
            data-testid={`history-filter-${k}`}
            onClick={() => {
              setKind(k);
              setShown(STEP);
            }}
          >
            {k === 'all' ? t('common.all') : t(`systems.history.kind.${k}`)} ({fmt.number(count(k))})
          </button>
        ))}
      </div>
      {visible.length === 0 ? (
        <EmptyState message={t('systems.history.empty')} />
      ) : (
        <ol className="timeline" data-testid="history">
          {visible.map((e, i) => (
            <li
              key={`${e.kind}-${e.at}-${i}`}
              className={`timeline-item timeline-${e.kind}`}
              data-testid="history-item"
              data-kind={e.kind}
            >
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <p className="timeline-title">
                  <span className="badge badge-muted">{t(`systems.history.kind.${e.kind}`)}</span> {title(e)}
                </p>
                {e.kind === 'status' && e.reason ? <p className="timeline-reason">{e.reason}</p> : null}
                {e.kind === 'barrel_change' && e.barrelEfcAtChange !== null && e.barrelEfcAtChange !== undefined ? (
                  <p className="timeline-reason">
                    {t('systems.history.barrelEfcAtChange', { efc: fmt.number(e.barrelEfcAtChange) })}
                  </p>
                ) : null}
                <p className="timeline-meta muted">
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time> · {e.actorName ?? t('systems.history.systemActor')}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {matching.length > shown ? (
        <div className="list-footer">
          <span className="muted">
            {t('systems.history.shown', { shown: fmt.number(visible.length), total: fmt.number(matching.length) })}
          </span>
          <Button data-testid="history-more" onClick={() => setShown((n) => n + STEP)}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
