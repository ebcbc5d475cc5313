import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordPath, shortId } from '../audit-entities';

/**
 * An audited record's id: a link to the record's page where the app has one, else the id as code.
 * Shortened to its first characters unless `full`; the whole id is always in the tooltip.
 */
export function RecordRef({ type, id, full = false }: { type: string; id: string | null; full?: boolean }) {
  const { t } = useTranslation();
  if (!id) return <span className="muted">{t('common.none')}</span>;
  const code = (
    <code className="mono" title={id}>
      {full ? id : shortId(id)}
    </code>
  );
  const to = recordPath(type, id);
  return to ? (
    <Link to={to} data-testid="record-link">
      {code}
    </Link>
  ) : (
    code
  );
}
