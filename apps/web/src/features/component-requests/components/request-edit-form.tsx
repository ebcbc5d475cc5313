import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  componentRequestPrioritySchema,
  createComponentRequestInputSchema,
  type ComponentRequestDetail,
} from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useUpdateComponentRequest } from '../api/update-component-request';
import { localToday } from './dates';
import { useRequestLabels } from './request-labels';

/** The editable part of a draft (the update contract's fields), every field present. */
const editSchema = createComponentRequestInputSchema
  .pick({ quantity: true, neededBy: true, justification: true })
  .extend({ priority: componentRequestPrioritySchema });
type Values = z.infer<typeof editSchema>;
const FIELDS = ['quantity', 'priority', 'neededBy', 'justification'] as const;

type EditableRequest = Pick<
  ComponentRequestDetail,
  'id' | 'version' | 'quantity' | 'priority' | 'neededBy' | 'justification'
>;

const valuesOf = (request: EditableRequest): Values => ({
  quantity: request.quantity,
  priority: request.priority,
  neededBy: request.neededBy,
  justification: request.justification,
});

/**
 * "Edit" on a draft: quantity, priority, needed by and justification, saved with the version that was
 * loaded (a stale one gets the shared "changed by someone else" banner, a request submitted meanwhile
 * REQUEST_LOCKED). Field refusals of the server are shown on their fields.
 */
export function RequestEditForm({ request }: { request: EditableRequest }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const update = useUpdateComponentRequest();
  const form = useForm<Values>({ resolver: zodResolver(editSchema), defaultValues: valuesOf(request) });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    update.mutate(
      { id: request.id, input: { version: request.version, ...values } },
      {
        onSuccess: (saved) => form.reset(valuesOf(saved)),
        onError: handleError,
      },
    );
  });

  return (
    <form className="record-form cr-form" noValidate onSubmit={onSubmit} data-testid="request-edit-form">
      <FormAlert formError={formError} />
      {update.isSuccess && !isDirty ? <Notice kind="success">{t('common.saved')}</Notice> : null}
      <div className="form-grid">
        <TextField
          label={t('componentRequests.fields.quantity')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          step={1}
          required
          error={errors.quantity}
          {...form.register('quantity', { valueAsNumber: true })}
        />
        <SelectField
          label={t('componentRequests.fields.priority')}
          required
          options={labels.priorityOptions}
          error={errors.priority}
          {...form.register('priority')}
        />
        <TextField
          label={t('componentRequests.fields.neededBy')}
          type="date"
          required
          min={localToday()}
          error={errors.neededBy}
          {...form.register('neededBy')}
        />
      </div>
      <TextAreaField
        label={t('componentRequests.fields.justification')}
        required
        rows={4}
        maxLength={2000}
        error={errors.justification}
        {...form.register('justification')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending} disabled={!isDirty} data-testid="edit-save">
          {update.isPending ? t('common.saving') : t('componentRequests.edit.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
