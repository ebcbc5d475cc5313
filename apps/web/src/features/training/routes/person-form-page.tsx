import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createPersonInputSchema, type PersonResponse } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { unitLabel, useUnitOptions } from '../api/lookups';
import { useCreatePerson, usePerson, useUpdatePerson } from '../api/personnel';

const { serviceNumber, fullName, rank, unitId } = createPersonInputSchema.shape;
/** The contract's fields; "no unit" is the empty option of the select. */
const personFormSchema = z.object({
  serviceNumber,
  fullName,
  rank,
  unitId: z.union([z.literal(''), unitId.unwrap().unwrap()]).transform((v) => v || null),
});
type Values = z.input<typeof personFormSchema>;
const FIELDS = ['serviceNumber', 'fullName', 'rank', 'unitId'] as const;

function PersonForm({ person }: { person?: PersonResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnitOptions();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const idempotency = useIdempotencyKey();
  const form = useForm<Values, unknown, z.output<typeof personFormSchema>>({
    resolver: zodResolver(personFormSchema),
    defaultValues: {
      serviceNumber: person?.serviceNumber ?? '',
      fullName: person?.fullName ?? '',
      rank: person?.rank ?? '',
      unitId: person?.unitId ?? '',
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const done = () => navigate('/training/personnel', { state: flash(person ? 'saved' : 'created') });
  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    if (person)
      update.mutate(
        { id: person.id, input: { ...input, version: person.version } },
        { onSuccess: done, onError: handleError },
      );
    else
      create.mutate(
        { input, idempotencyKey: idempotency.key },
        {
          onSuccess: done,
          onError: (e) => {
            idempotency.renewAfter(e);
            handleError(e);
          },
        },
      );
  });
  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="person-form">
      <FormAlert formError={formError} />
      <TextField
        label={t('training.fields.serviceNumber')}
        required
        error={errors.serviceNumber}
        {...form.register('serviceNumber')}
      />
      <TextField
        label={t('training.fields.fullName')}
        required
        error={errors.fullName}
        {...form.register('fullName')}
      />
      <TextField label={t('training.fields.rank')} required error={errors.rank} {...form.register('rank')} />
      <SelectField
        label={t('training.fields.unit')}
        error={errors.unitId}
        placeholder={t('training.personnel.noUnit')}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
        {...form.register('unitId')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={create.isPending || update.isPending} data-testid="save-button">
          {t('common.save')}
        </Button>
        <ButtonLink to="/training/personnel">{t('common.cancel')}</ButtonLink>
      </FormActions>
    </form>
  );
}

/** /training/personnel/new and /training/personnel/:id (admin, training). */
export function PersonFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = usePerson(id);
  if (id && person.isPending) return <LoadingState />;
  if (id && person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  return (
    <section className="form-page">
      <PageHeader
        title={
          person.data ? t('training.personnel.editTitle', { name: person.data.fullName }) : t('training.personnel.new')
        }
      />
      <PersonForm key={person.data?.version ?? 'new'} person={person.data} />
    </section>
  );
}
