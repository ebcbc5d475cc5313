import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createReportReleaseInputSchema, releaseChannels, type ReportRelease } from '@jv/contracts';
import { Button } from '../../../components/button';
import { DataTable, type Column } from '../../../components/data-table';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useRecordRelease, useReportReleases } from '../api/releases';
import { useReportFormat } from './use-report-format';

type ChannelKey = (typeof releaseChannels)[number] | 'download';

function useReleaseColumns(): Column<ReportRelease>[] {
  const { t } = useTranslation();
  const f = useReportFormat();
  const channel = (value: string) =>
    t(`partnerReports.releases.channelLabel.${value as ChannelKey}`, { defaultValue: value });
  return [
    { key: 'at', header: t('partnerReports.releases.when'), cell: (r) => f.dateTime(r.at), className: 'nowrap' },
    {
      key: 'kind',
      header: t('partnerReports.releases.kind'),
      cell: (r) => (
        <span data-testid="release-kind" data-kind={r.kind}>
          {t(`partnerReports.releases.kindLabel.${r.kind}`)}
        </span>
      ),
    },
    { key: 'recipient', header: t('partnerReports.releases.recipient'), cell: (r) => r.recipient },
    { key: 'channel', header: t('partnerReports.releases.channel'), cell: (r) => channel(r.channel) },
    {
      key: 'document',
      header: t('partnerReports.releases.document'),
      cell: (r) =>
        r.format ? (
          <span data-testid="release-document" data-format={r.format} data-lang={r.lang ?? ''}>
            {r.format.toUpperCase()}
            {r.lang ? ` · ${r.lang}` : ''}
            {r.sha256 ? (
              <span className="mono pr-hash" title={r.sha256}>
                {' '}
                {r.sha256.slice(0, 12)}…
              </span>
            ) : null}
          </span>
        ) : (
          t('common.none')
        ),
    },
    { key: 'note', header: t('partnerReports.releases.note'), cell: (r) => r.note ?? t('common.none') },
    {
      key: 'actor',
      header: t('partnerReports.releases.actor'),
      cell: (r) => r.actor?.displayName ?? t('common.none'),
    },
  ];
}

/** The release log: partner users' downloads and the releases staff recorded, oldest first. */
export function ReleaseLog({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const query = useReportReleases(reportId);
  const columns = useReleaseColumns();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div data-testid="release-log">
      <DataTable
        caption={t('partnerReports.releases.title')}
        columns={columns}
        rows={query.data.items}
        getRowId={(r) => r.id}
        emptyMessage={t('partnerReports.releases.empty')}
      />
    </div>
  );
}

const schema = createReportReleaseInputSchema;
type Schema = typeof schema;
const FIELDS = ['recipient', 'channel', 'note'] as const;

/** The form to record a release of a published report: recipient, channel and a note. */
export function ReleaseForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const record = useRecordRelease();
  const idempotency = useIdempotencyKey();
  const [done, setDone] = useState(false);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { recipient: '', channel: 'email', note: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((v) => {
    clearFormError();
    setDone(false);
    record.mutate(
      { id: reportId, input: { ...v, note: v.note || null }, idempotencyKey: idempotency.key },
      {
        onSuccess: () => {
          idempotency.renew();
          form.reset();
          setDone(true);
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="pr-release-form" noValidate onSubmit={onSubmit} data-testid="release-form">
      <h3>{t('partnerReports.releases.recordTitle')}</h3>
      <p className="muted">{t('partnerReports.releases.recordHint')}</p>
      {done ? (
        <Notice kind="success">
          <span data-testid="release-recorded">{t('partnerReports.releases.recorded')}</span>
        </Notice>
      ) : null}
      <FormAlert formError={formError} />
      <div className="pr-release-fields">
        <TextField
          label={t('partnerReports.releases.recipient')}
          required
          maxLength={200}
          error={errors.recipient}
          {...form.register('recipient')}
        />
        <SelectField
          label={t('partnerReports.releases.channel')}
          required
          options={releaseChannels.map((c) => ({ value: c, label: t(`partnerReports.releases.channelLabel.${c}`) }))}
          error={errors.channel}
          {...form.register('channel')}
        />
      </div>
      <TextAreaField
        label={t('partnerReports.releases.note')}
        rows={2}
        maxLength={2000}
        error={errors.note}
        {...form.register('note')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={record.isPending} data-testid="release-submit">
          {record.isPending ? t('partnerReports.releases.recording') : t('partnerReports.releases.record')}
        </Button>
      </div>
    </form>
  );
}
