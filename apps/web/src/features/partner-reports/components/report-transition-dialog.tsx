import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { PartnerReportDetail } from '@jv/contracts';
import type { PartnerReportStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useCurrentUser } from '../../../lib/session';
import { useTransitionPartnerReport } from '../api/transition-partner-report';

/** The moves a report offers, as buttons: approve, publish (asks first: it freezes the report), discard. */
export type ReportMove = Exclude<PartnerReportStatus, 'draft'>;

const schema = z.object({ comment: z.string().trim().max(2000) });
type Schema = typeof schema;

interface ReportTransitionDialogProps {
  report: PartnerReportDetail;
  to: ReportMove;
  onClose: () => void;
}

/**
 * The confirmation of one move of a report, with an optional comment: publishing says it freezes the
 * report, discarding that it cannot be undone; the API's refusal (four eyes, a stale version…) in the
 * user's language.
 */
export function ReportTransitionDialog({ report, to, onClose }: ReportTransitionDialogProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const transition = useTransitionPartnerReport();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { comment: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, ['comment']);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onSubmit = form.handleSubmit((v) => {
    clearFormError();
    transition.mutate(
      { id: report.id, input: { to, comment: v.comment || null, version: report.version } },
      { onSuccess: onClose, onError: handleError },
    );
  });

  return (
    <dialog
      ref={ref}
      className="pr-dialog"
      data-testid="report-transition-dialog"
      data-to={to}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!transition.isPending) onClose();
      }}
    >
      <form method="dialog" noValidate onSubmit={onSubmit}>
        <h2 id={titleId}>
          {t('partnerReports.transition.title', {
            action: t(`partnerReports.move.${to}`),
            partner: report.partnerCode,
            period: report.period,
          })}
        </h2>
        {to === 'published' ? (
          <div className="notice notice-info" data-testid="publish-warning">
            {t('partnerReports.transition.publishWarning')}
          </div>
        ) : null}
        {to === 'discarded' ? <Notice>{t('partnerReports.transition.discardWarning')}</Notice> : null}
        {to === 'approved' && report.preparedBy?.id === user.id ? (
          <Notice>{t('partnerReports.transition.ownReport')}</Notice>
        ) : null}
        <TextAreaField
          label={t('partnerReports.transition.comment')}
          hint={t('partnerReports.transition.commentHint')}
          rows={3}
          maxLength={2000}
          error={form.formState.errors.comment}
          {...form.register('comment')}
        />
        {formError ? (
          <div
            data-testid="transition-error"
            data-code={isApiError(formError.error) ? formError.error.code : undefined}
          >
            <FormAlert formError={formError} overrides={{ FOUR_EYES: t('partnerReports.transition.fourEyes') }} />
          </div>
        ) : null}
        <div className="form-actions">
          <Button
            type="submit"
            variant={to === 'discarded' ? 'danger' : 'primary'}
            busy={transition.isPending}
            data-testid="transition-submit"
          >
            {transition.isPending ? t('partnerReports.transition.submitting') : t('partnerReports.transition.submit')}
          </Button>
          <Button variant="ghost" disabled={transition.isPending} onClick={onClose} data-testid="transition-cancel">
            {t('partnerReports.transition.close')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
