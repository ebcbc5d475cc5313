import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { uuidParam } from '../../../lib/use-search-filters';
import { JobCreateForm } from '../components/job-create-form';

/** /repair-jobs/new — `?facilityId=` and `?systemId=` preselect the facility and the system. */
export function JobNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <section className="form-page">
      <PageHeader title={t('repairJobs.create.title')} description={t('repairJobs.create.description')} />
      <JobCreateForm
        initialFacilityId={uuidParam(params.get('facilityId') ?? '')}
        initialSystemId={uuidParam(params.get('systemId') ?? '')}
      />
    </section>
  );
}
