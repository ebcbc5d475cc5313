import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { uuidParam } from '../../../lib/use-search-filters';
import { RequestCreateForm } from '../components/request-create-form';

/**
 * /component-requests/new — `?repairJobId=&systemId=&facilityId=&modelId=` (a repair job's "Request
 * parts") fix the job and its system, preselect the facility and offer only compatible components.
 */
export function RequestNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const param = (name: string) => uuidParam(params.get(name) ?? '');
  return (
    <section className="form-page">
      <PageHeader title={t('componentRequests.create.title')} description={t('componentRequests.create.description')} />
      <RequestCreateForm
        repairJobId={param('repairJobId')}
        systemId={param('systemId')}
        facilityId={param('facilityId')}
        modelId={param('modelId')}
      />
    </section>
  );
}
