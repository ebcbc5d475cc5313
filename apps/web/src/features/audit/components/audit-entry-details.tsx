import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@jv/contracts';
import { RecordRef } from './record-ref';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <p className="muted">{t('common.none')}</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before/after of one audit entry, side by side, plus where the change came from (whole ids, to copy). */
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
        <dd>
          <RecordRef type={entry.entityType} id={entry.entityId} full />
        </dd>
        <dt>{t('audit.actorId')}</dt>
        <dd>
          <RecordRef type="user" id={entry.actorId} full />
        </dd>
        <dt>{t('audit.requestId')}</dt>
        <dd className="mono">{entry.requestId ?? t('common.none')}</dd>
      </dl>
    </div>
  );
}
