import { useEffect, useId, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { componentRequestTransitionInputSchema, rule, type ComponentRequestResponse } from '@jv/contracts';
import type { ComponentRequestStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useCurrentUser } from '../../../lib/session';
import { useTransitionComponentRequest } from '../api/transition-component-request';
import { useRequestLabels } from './request-labels';
import { needsComment, takesExpectedOn } from './request-moves';
import { useSupplierOptions } from './use-request-options';

export type DialogRequest = Pick<
  ComponentRequestResponse,
  'id' | 'number' | 'status' | 'version' | 'requestedBy' | 'supplierPartnerId' | 'expectedOn'
>;

interface RequestTransitionDialogProps {
  request: DialogRequest;
  to: ComponentRequestStatus;
  onClose: () => void;
}

const { comment, supplierPartnerId, expectedOn, version } = componentRequestTransitionInputSchema.shape;

/**
 * The dialog's fields, checked with the transition contract's own rules: the comment (required to
 * reject or cancel, as the API requires it), the supplier (required to approve), the expected date and
 * the version of the request the move is meant for.
 */
function transitionFormSchema(to: ComponentRequestStatus) {
  const commentRequired = needsComment(to);
  return z
    .object({
      comment: comment.unwrap().unwrap(),
      supplierPartnerId: to === 'approved' ? supplierPartnerId.unwrap() : z.string(),
      expectedOn: z.union([z.literal(''), expectedOn.unwrap()]),
      version: version.unwrap(),
    })
    .refine((v) => !commentRequired || v.comment !== '', { path: ['comment'], ...rule('comment_required') });
}
type Schema = ReturnType<typeof transitionFormSchema>;
const FIELDS = ['comment', 'supplierPartnerId', 'expectedOn'] as const;

/**
 * The modal of one move of a request: a comment (required to reject or cancel), the supplier partner
 * (to approve) and the expected delivery date (approve, order, ship); the API's refusal (409 with its
 * reason, four eyes…) in the user's language.
 */
export function RequestTransitionDialog({ request, to, onClose }: RequestTransitionDialogProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useRequestLabels();
  const transition = useTransitionComponentRequest();
  const approving = to === 'approved';
  const suppliers = useSupplierOptions(approving);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const commentRequired = needsComment(to);
  const dated = takesExpectedOn(to);
  const schema = useMemo(() => transitionFormSchema(to), [to]);
  // a refused move reloads the request: a retry carries the version it has now, and keeps what was typed
  const values = useMemo(
    () => ({
      comment: '',
      supplierPartnerId: request.supplierPartnerId ?? '',
      expectedOn: request.expectedOn ?? '',
      version: request.version,
    }),
    [request.version, request.supplierPartnerId, request.expectedOn],
  );
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    values,
    resetOptions: { keepDirtyValues: true, keepErrors: true },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onSubmit = form.handleSubmit((v) => {
    clearFormError();
    transition.mutate(
      {
        id: request.id,
        input: {
          to,
          comment: v.comment || null,
          version: v.version,
          ...(approving ? { supplierPartnerId: v.supplierPartnerId } : {}),
          ...(dated && v.expectedOn ? { expectedOn: v.expectedOn } : {}),
        },
      },
      { onSuccess: onClose, onError: handleError },
    );
  });

  return (
    <dialog
      ref={ref}
      className="transition-dialog cr-dialog"
      data-testid="request-transition-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!transition.isPending) onClose();
      }}
    >
      <form method="dialog" noValidate onSubmit={onSubmit}>
        <h2 id={titleId}>
          {t('componentRequests.transition.title', {
            number: request.number,
            from: labels.status(request.status),
            to: labels.status(to),
          })}
        </h2>
        {approving && request.requestedBy === user.id ? (
          <Notice>{t('componentRequests.transition.ownRequest')}</Notice>
        ) : null}
        {approving ? (
          <SelectField
            label={t('componentRequests.transition.supplier')}
            required
            hint={t('componentRequests.transition.supplierHint')}
            placeholder={suppliers.isPending ? t('common.loading') : t('common.notSelected')}
            options={suppliers.options}
            error={errors.supplierPartnerId}
            {...form.register('supplierPartnerId')}
          />
        ) : null}
        {dated ? (
          <TextField
            label={t('componentRequests.transition.expectedOn')}
            type="date"
            hint={t('componentRequests.transition.expectedOnHint')}
            error={errors.expectedOn}
            {...form.register('expectedOn')}
          />
        ) : null}
        <TextAreaField
          label={
            commentRequired
              ? t('componentRequests.transition.commentRequired')
              : t('componentRequests.transition.comment')
          }
          required={commentRequired}
          hint={commentRequired ? undefined : t('componentRequests.transition.commentHint')}
          rows={3}
          maxLength={2000}
          error={errors.comment}
          {...form.register('comment')}
        />
        {formError ? (
          <div
            data-testid="transition-error"
            data-code={isApiError(formError.error) ? formError.error.code : undefined}
          >
            <FormAlert formError={formError} overrides={{ FOUR_EYES: t('componentRequests.errors.FOUR_EYES') }} />
          </div>
        ) : null}
        <div className="form-actions cr-dialog-actions">
          <Button
            type="submit"
            variant={to === 'rejected' || to === 'cancelled' ? 'danger' : 'primary'}
            busy={transition.isPending}
            data-testid="transition-submit"
          >
            {transition.isPending
              ? t('componentRequests.transition.submitting')
              : t('componentRequests.transition.submit')}
          </Button>
          <Button variant="ghost" disabled={transition.isPending} onClick={onClose} data-testid="transition-cancel">
            {t('componentRequests.transition.close')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
