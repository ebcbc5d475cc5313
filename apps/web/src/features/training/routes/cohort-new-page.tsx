import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCohortInputSchema, type CreateCohortInput } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { firstError, FormActions, SelectField, TextField } from '../../../components/form-fields';
import { PageHeader } from '../../../components/page-header';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateCohort } from '../api/cohorts';
import { useCourseOptions } from '../api/courses';
import { useTrainingBaseOptions } from '../api/lookups';
import { PersonSearch } from '../components/person-search';

type Values = z.input<typeof createCohortInputSchema>;
const FIELDS = ['code', 'courseId', 'facilityId', 'startsOn', 'endsOn', 'seats', 'instructorIds'] as const;

/** The new-cohort form: code, course, training base, dates, seats and instructors (found by name). */
export function CohortForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const courses = useCourseOptions();
  const bases = useTrainingBaseOptions();
  const create = useCreateCohort();
  const idempotency = useIdempotencyKey();
  const [instructorNames, setInstructorNames] = useState<Record<string, string>>({});
  const form = useForm<Values, unknown, CreateCohortInput>({
    resolver: zodResolver(createCohortInputSchema),
    defaultValues: { code: '', courseId: '', facilityId: '', startsOn: '', endsOn: '', seats: 12, instructorIds: [] },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onCourse = (courseId: string) => {
    const course = courses.data?.find((c) => c.id === courseId);
    if (course) form.setValue('seats', course.seats);
  };

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    create.mutate(
      { input, idempotencyKey: idempotency.key },
      {
        onSuccess: (cohort) => navigate(`/training/cohorts/${cohort.id}`, { state: flash('created') }),
        onError: (e) => {
          idempotency.renewAfter(e);
          handleError(e);
        },
      },
    );
  });

  const courseField = form.register('courseId');
  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="cohort-form">
      <FormAlert formError={formError} />
      <TextField label={t('training.fields.code')} required error={errors.code} {...form.register('code')} />
      <SelectField
        label={t('training.fields.course')}
        required
        error={errors.courseId}
        placeholder={t('common.notSelected')}
        options={(courses.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.code} — ${c.title} (${c.modelDesignation})`,
        }))}
        {...courseField}
        onChange={(e) => {
          void courseField.onChange(e);
          onCourse(e.target.value);
        }}
      />
      <SelectField
        label={t('training.fields.base')}
        required
        error={errors.facilityId}
        placeholder={t('common.notSelected')}
        options={bases.options}
        {...form.register('facilityId')}
      />
      <TextField
        label={t('training.fields.startsOn')}
        type="date"
        required
        error={errors.startsOn}
        {...form.register('startsOn')}
      />
      <TextField
        label={t('training.fields.endsOn')}
        type="date"
        required
        error={errors.endsOn}
        {...form.register('endsOn')}
      />
      <TextField
        label={t('training.fields.seats')}
        type="number"
        min={1}
        required
        hint={t('training.cohorts.seatsHint')}
        error={errors.seats}
        {...form.register('seats', { valueAsNumber: true })}
      />
      <Controller
        control={form.control}
        name="instructorIds"
        render={({ field, fieldState }) => {
          const ids = field.value ?? [];
          const error = firstError(fieldState.error);
          return (
            <fieldset className={`field${error ? ' field-invalid' : ''}`} data-testid="field-instructorIds">
              <legend>{t('training.fields.instructors')}</legend>
              <ul className="tr-chosen">
                {ids.map((id) => (
                  <li key={id}>
                    <Button
                      variant="ghost"
                      aria-label={t('training.personSearch.remove', { name: instructorNames[id] ?? id })}
                      onClick={() => field.onChange(ids.filter((x) => x !== id))}
                    >
                      {instructorNames[id] ?? id} ✕
                    </Button>
                  </li>
                ))}
              </ul>
              <PersonSearch
                testId="instructor-search"
                exclude={ids}
                onChoose={(p) => {
                  setInstructorNames((names) => ({ ...names, [p.id]: p.fullName }));
                  field.onChange([...ids, p.id]);
                }}
              />
              {error ? (
                <p className="field-error" role="alert">
                  {error.message}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={create.isPending} data-testid="save-button">
          {t('common.save')}
        </Button>
        <ButtonLink to="/training">{t('common.cancel')}</ButtonLink>
      </FormActions>
    </form>
  );
}

/** /training/cohorts/new (admin, training). */
export function CohortNewPage() {
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <PageHeader title={t('training.cohorts.newTitle')} />
      <CohortForm />
    </section>
  );
}
