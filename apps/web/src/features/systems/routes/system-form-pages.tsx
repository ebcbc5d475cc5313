import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useSystem } from '../api/get-system';
import { SystemCreateForm, SystemEditForm } from '../components/system-form';

/** /systems/new (admin, logistics) */
export function SystemNewPage() {
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <p className="breadcrumb">
        <Link to="/systems">{t('systems.detail.backToList')}</Link>
      </p>
      <PageHeader title={t('systems.form.newTitle')} />
      <SystemCreateForm />
    </section>
  );
}

/** /systems/:id/edit (admin, logistics) — edits the version that was loaded; a stale one gets the reload message. */
export function SystemEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useSystem(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const system = query.data;
  return (
    <section className="form-page">
      <p className="breadcrumb">
        <Link to={`/systems/${system.id}`}>{t('systems.form.backToSystem', { serial: system.serialNumber })}</Link>
      </p>
      <PageHeader
        title={t('systems.form.editTitle', { serial: system.serialNumber })}
        description={system.modelDesignation}
      />
      <SystemEditForm key={system.id} system={system} />
    </section>
  );
}
