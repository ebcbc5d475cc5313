import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createPartnerReportInputSchema } from '@jv/contracts';
import { latestEndedPeriods, REPORT_PERIOD_PATTERN } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/states';
import { useErrorMessage, useFieldMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { uuidParam } from '../../../lib/use-search-filters';
import { useCreatePartnerReport } from '../api/create-partner-report';
import { usePartnerReportPreview } from '../api/preview-partner-report';
import { ReportFigures } from '../components/report-figures';

const schema = createPartnerReportInputSchema;
type Schema = typeof schema;
const FIELDS = ['partnerId', 'period'] as const;

/** Today as the API counts it (UTC), YYYY-MM-DD. */
const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * /partner-reports/new — prepare a draft: a partner and a period (the last ended month and quarter are
 * offered), with a live preview of the figures before anything is stored.
 */
export function ReportNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const partners = usePartnerOptions();
  const create = useCreatePartnerReport();
  const idempotency = useIdempotencyKey();
  const suggested = latestEndedPeriods(utcToday());
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { partnerId: '', period: suggested.quarter },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const [partnerId, period] = useWatch({ control: form.control, name: ['partnerId', 'period'] });
  const chosen =
    uuidParam(partnerId ?? '') && REPORT_PERIOD_PATTERN.test((period ?? '').trim())
      ? { partnerId: partnerId as string, period: (period as string).trim() }
      : null;
  const preview = usePartnerReportPreview(chosen);
  const options = (partners.data ?? [])
    .filter((p) => p.role !== 'host')
    .map((p) => ({ value: p.id, label: partnerLabel(p) }));

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    create.mutate(
      { input, idempotencyKey: idempotency.key },
      {
        onSuccess: (report) => {
          idempotency.renew();
          void navigate(`/partner-reports/${report.id}`, { state: flash('created') });
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  const choosePeriod = (value: string) => form.setValue('period', value, { shouldValidate: true, shouldDirty: true });

  return (
    <section className="pr-new">
      <PageHeader title={t('partnerReports.create.title')} description={t('partnerReports.create.description')} />
      <form className="panel pr-create-form" noValidate onSubmit={onSubmit} data-testid="report-create-form">
        <FormAlert formError={formError} />
        <div className="pr-create-fields">
          <SelectField
            label={t('partnerReports.fields.partner')}
            required
            placeholder={partners.isPending ? t('common.loading') : t('common.notSelected')}
            options={options}
            error={errors.partnerId}
            {...form.register('partnerId')}
          />
          <TextField
            label={t('partnerReports.fields.period')}
            required
            hint={t('partnerReports.periodHint')}
            formatHint={t('partnerReports.periodHint')}
            maxLength={7}
            autoComplete="off"
            error={errors.period}
            {...form.register('period')}
          />
        </div>
        <div className="pr-suggested" role="group" aria-label={t('partnerReports.create.suggested')}>
          <span className="muted">{t('partnerReports.create.suggested')}:</span>
          <Button
            variant={period === suggested.month ? 'primary' : 'secondary'}
            aria-pressed={period === suggested.month}
            onClick={() => choosePeriod(suggested.month)}
            data-testid="suggest-month"
          >
            {t('partnerReports.create.suggestedMonth', { period: suggested.month })}
          </Button>
          <Button
            variant={period === suggested.quarter ? 'primary' : 'secondary'}
            aria-pressed={period === suggested.quarter}
            onClick={() => choosePeriod(suggested.quarter)}
            data-testid="suggest-quarter"
          >
            {t('partnerReports.create.suggestedQuarter', { period: suggested.quarter })}
          </Button>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.isPending} data-testid="save-button">
            {create.isPending ? t('partnerReports.create.submitting') : t('partnerReports.create.submit')}
          </Button>
          <ButtonLink to="/partner-reports" variant="ghost">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>

      <section className="panel" aria-labelledby="report-preview-title" data-testid="report-preview">
        <h2 id="report-preview-title">{t('partnerReports.create.preview')}</h2>
        <PreviewBody chosen={chosen !== null} preview={preview} />
      </section>
    </section>
  );
}

function PreviewBody({ chosen, preview }: { chosen: boolean; preview: ReturnType<typeof usePartnerReportPreview> }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const fieldMessage = useFieldMessage();
  if (!chosen) return <p className="muted">{t('partnerReports.create.previewHint')}</p>;
  if (preview.isPending) return <LoadingState label={t('partnerReports.create.previewLoading')} />;
  if (preview.isError) {
    const fieldErrors = isApiError(preview.error) ? preview.error.fieldErrors : [];
    return (
      <div className="notice notice-error" role="alert" data-testid="preview-error">
        {fieldErrors.length > 0 ? fieldErrors.map((e) => fieldMessage(e)).join(' ') : message(preview.error)}
      </div>
    );
  }
  return (
    <div className={preview.isFetching ? 'list-busy' : undefined} aria-busy={preview.isFetching || undefined}>
      <ReportFigures figures={preview.data} />
    </div>
  );
}
