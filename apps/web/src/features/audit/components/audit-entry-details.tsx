import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@jv/contracts';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <p className="muted">{t('common.none')}</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before/after of one audit entry, side by side, plus where the change came from. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div className="audit-details">
      <div className="audit-diff">
        <div>
          <h3>{t('audit.before')}</h3>
          <Json value={entry.before} />
        </div>
        <div>
          <h3>{t('audit.after')}</h3>
          <Json value={entry.after} />
        </div>
      </div>
      <dl className="meta-list">
        <dt>{t('audit.entityId')}</dt>
        <dd className="mono">{entry.entityId ?? t('common.none')}</dd>
        <dt>{t('audit.actorId')}</dt>
        <dd className="mono">{entry.actorId ?? t('common.none')}</dd>
        <dt>{t('audit.requestId')}</dt>
        <dd className="mono">{entry.requestId ?? t('common.none')}</dd>
      </dl>
    </div>
  );
}
