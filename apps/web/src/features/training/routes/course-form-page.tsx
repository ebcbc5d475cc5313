import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCourseInputSchema, type CourseResponse, type CreateCourseInput } from '@jv/contracts';
import { courseKinds } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useSystemModelOptions } from '../../../lib/lookups';
import { useCourse, useCreateCourse, useUpdateCourse } from '../api/courses';

type Values = z.input<typeof createCourseInputSchema>;
const FIELDS = ['code', 'title', 'kind', 'systemModelId', 'durationDays', 'seats'] as const;

function CourseForm({ course }: { course?: CourseResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const models = useSystemModelOptions();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const idempotency = useIdempotencyKey();
  const form = useForm<Values, unknown, CreateCourseInput>({
    resolver: zodResolver(createCourseInputSchema),
    defaultValues: course
      ? {
          code: course.code,
          title: course.title,
          kind: course.kind,
          systemModelId: course.systemModelId,
          durationDays: course.durationDays,
          seats: course.seats,
        }
      : { code: '', title: '', kind: 'operator', systemModelId: '', durationDays: 10, seats: 12 },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const done = () => navigate('/training/courses', { state: flash(course ? 'saved' : 'created') });

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    if (course)
      update.mutate(
        { id: course.id, input: { ...input, version: course.version } },
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
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="course-form">
      <FormAlert formError={formError} />
      <TextField label={t('training.fields.code')} required error={errors.code} {...form.register('code')} />
      <TextField label={t('training.fields.title')} required error={errors.title} {...form.register('title')} />
      <SelectField
        label={t('training.fields.kind')}
        required
        error={errors.kind}
        options={courseKinds.map((k) => ({ value: k, label: t(`training.courseKind.${k}`) }))}
        {...form.register('kind')}
      />
      <SelectField
        label={t('training.fields.systemModel')}
        required
        error={errors.systemModelId}
        placeholder={t('common.notSelected')}
        options={(models.data ?? []).map((m) => ({ value: m.id, label: m.designation }))}
        {...form.register('systemModelId')}
      />
      <TextField
        label={t('training.fields.durationDays')}
        type="number"
        min={1}
        required
        error={errors.durationDays}
        {...form.register('durationDays', { valueAsNumber: true })}
      />
      <TextField
        label={t('training.fields.seats')}
        type="number"
        min={1}
        required
        error={errors.seats}
        {...form.register('seats', { valueAsNumber: true })}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={create.isPending || update.isPending} data-testid="save-button">
          {t('common.save')}
        </Button>
        <ButtonLink to="/training/courses">{t('common.cancel')}</ButtonLink>
      </FormActions>
    </form>
  );
}

/** /training/courses/new and /training/courses/:id (admin, training). */
export function CourseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const course = useCourse(id);
  if (id && course.isPending) return <LoadingState />;
  if (id && course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return (
    <section className="form-page">
      <PageHeader
        title={course.data ? t('training.courses.editTitle', { code: course.data.code }) : t('training.courses.new')}
      />
      <CourseForm key={course.data?.version ?? 'new'} course={course.data} />
    </section>
  );
}
