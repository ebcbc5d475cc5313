import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { rule, updateEnrollmentInputSchema, type CohortDetail, type EnrollmentResponse } from '@jv/contracts';
import { allowedEnrollmentMoves, cohortTakesEnrollments, cohortTakesResults, type CohortStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { FlashNotice } from '../../../components/flash-notice';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { useErrorMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCan } from '../../../lib/session';
import { useCohort, useEnroll, useTransitionCohort, useUpdateEnrollment } from '../api/cohorts';
import { PersonSearch } from '../components/person-search';
import { CohortStatusBadge, EnrollmentStatusBadge } from '../components/status-badge';

/** The moves of a cohort as buttons; cancelling asks for a comment first. */
function CohortMoves({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const transition = useTransitionCohort();
  const [cancelling, setCancelling] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const move = (to: CohortStatus) => {
    setError(null);
    transition.mutate(
      { id: cohort.id, input: { to, version: cohort.version, comment: to === 'cancelled' ? comment.trim() : null } },
      { onSuccess: () => setCancelling(false), onError: setError },
    );
  };
  if (cohort.allowedTransitions.length === 0) return <p className="muted">{t('training.cohorts.noMoves')}</p>;
  return (
    <div aria-label={t('training.cohorts.moves')} role="group">
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="cohort-move-error">
          <p>{message(error)}</p>
        </div>
      ) : null}
      <div className="tr-moves">
        {cohort.allowedTransitions
          .filter((to) => to !== 'cancelled')
          .map((to) => (
            <Button
              key={to}
              variant="primary"
              busy={transition.isPending}
              data-testid={`cohort-move-${to}`}
              onClick={() => move(to)}
            >
              {t(`training.move.${to}`)}
            </Button>
          ))}
        {cohort.allowedTransitions.includes('cancelled') && !cancelling ? (
          <Button variant="danger" data-testid="cohort-move-cancelled" onClick={() => setCancelling(true)}>
            {t('training.move.cancelled')}
          </Button>
        ) : null}
      </div>
      {cancelling ? (
        <form
          className="record-form"
          data-testid="cancel-form"
          onSubmit={(e) => {
            e.preventDefault();
            move('cancelled');
          }}
        >
          <div className="field">
            <label htmlFor="cancel-comment">
              {t('training.cohorts.cancelComment')}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              id="cancel-comment"
              data-testid="field-comment"
              required
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <Button
              type="submit"
              variant="danger"
              disabled={!comment.trim()}
              busy={transition.isPending}
              data-testid="cancel-submit"
            >
              {t('training.cohorts.confirmCancel')}
            </Button>
            <Button onClick={() => setCancelling(false)}>{t('common.back')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

const resultSchema = z
  .object({
    status: z.enum(['completed', 'failed', 'withdrawn']),
    score: z.union([z.literal(''), z.coerce.number().pipe(updateEnrollmentInputSchema.shape.score.unwrap().unwrap())]),
  })
  .refine((v) => v.status === 'withdrawn' || v.score !== '', { path: ['score'], ...rule('required') });
type ResultValues = z.input<typeof resultSchema>;

/** One trainee's result: the outcome and a score, sent with the enrollment's version. */
function ResultForm({ enrollment }: { enrollment: EnrollmentResponse }) {
  const { t } = useTranslation();
  const update = useUpdateEnrollment();
  const form = useForm<ResultValues, unknown, z.output<typeof resultSchema>>({
    resolver: zodResolver(resultSchema),
    defaultValues: { status: 'completed', score: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, ['status', 'score']);
  const message = useErrorMessage();
  const { errors } = form.formState;
  const moves = allowedEnrollmentMoves(enrollment.status);
  const onSubmit = form.handleSubmit((v) => {
    clearFormError();
    update.mutate(
      {
        id: enrollment.id,
        input: { version: enrollment.version, status: v.status, score: v.score === '' ? null : v.score },
      },
      { onError: handleError },
    );
  });
  const name = enrollment.fullName ?? enrollment.personId;
  return (
    <form className="tr-result-form" noValidate onSubmit={onSubmit} data-testid="result-form">
      <select
        aria-label={`${t('training.fields.result')}: ${name}`}
        data-testid="result-status"
        {...form.register('status')}
      >
        {moves.map((s) => (
          <option key={s} value={s}>
            {t(`training.enrollmentStatus.${s}`)}
          </option>
        ))}
      </select>
      <input
        type="number"
        min={0}
        max={100}
        step="any"
        aria-label={`${t('training.fields.score')}: ${name}`}
        aria-invalid={errors.score ? true : undefined}
        data-testid="result-score"
        {...form.register('score')}
      />
      <Button type="submit" busy={update.isPending} data-testid="result-submit">
        {t('training.enrollments.record')}
      </Button>
      {errors.score?.message ? (
        <p className="field-error" role="alert">
          {errors.score.message}
        </p>
      ) : null}
      {formError ? (
        <p className="field-error" role="alert" data-testid="result-error">
          {message(formError.error)}
        </p>
      ) : null}
    </form>
  );
}

/** Enrolls a person found by name; a refusal (a conflict naming the other cohort, full, closed) shows in words. */
function EnrollPanel({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const enroll = useEnroll();
  const idempotency = useIdempotencyKey();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="panel" data-testid="enroll-panel">
      <h3>{t('training.enrollments.enrollTitle')}</h3>
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="enroll-error">
          <p>{message(error)}</p>
        </div>
      ) : null}
      {done ? <Notice kind="success">{t('training.enrollments.enrolled', { name: done })}</Notice> : null}
      <PersonSearch
        testId="enroll-search"
        disabled={enroll.isPending}
        exclude={cohort.enrollments.map((e) => e.personId)}
        onChoose={(person) => {
          setError(null);
          setDone(null);
          enroll.mutate(
            { cohortId: cohort.id, input: { personId: person.id }, idempotencyKey: idempotency.key },
            {
              onSuccess: () => {
                idempotency.renew();
                setDone(person.fullName);
              },
              onError: (e) => {
                idempotency.renewAfter(e);
                setError(e);
              },
            },
          );
        }}
      />
    </div>
  );
}

/** /training/cohorts/:id — header, moves, trainees with their results, enrolling (admin, training). */
export function CohortDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useCohort(id);
  const canWrite = useCan('training', 'write');
  const canPeople = useCan('personnel', 'write');
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404)
      return <Notice kind="error">{t('training.cohorts.notFound')}</Notice>;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const cohort = query.data;
  const takesResults = canPeople && cohortTakesResults(cohort.status);

  return (
    <section data-testid="cohort-detail" data-status={cohort.status} data-version={cohort.version}>
      <PageHeader
        title={cohort.code}
        description={`${cohort.courseCode} — ${cohort.courseTitle}`}
        actions={<CohortStatusBadge status={cohort.status} testId="cohort-status" />}
      />
      <FlashNotice />
      <dl className="tr-facts">
        <div>
          <dt>{t('training.fields.kind')}</dt>
          <dd>{t(`training.courseKind.${cohort.courseKind}`)}</dd>
        </div>
        <div>
          <dt>{t('training.fields.systemModel')}</dt>
          <dd>{cohort.modelDesignation}</dd>
        </div>
        <div>
          <dt>{t('training.fields.base')}</dt>
          <dd>{cohort.facilityCode}</dd>
        </div>
        <div>
          <dt>{t('training.fields.dates')}</dt>
          <dd>
            {cohort.startsOn} — {cohort.endsOn}
          </dd>
        </div>
        <div>
          <dt>{t('training.fields.seatsTaken')}</dt>
          <dd data-testid="cohort-seats" data-taken={cohort.seatsTaken} data-seats={cohort.seats}>
            {t('training.cohorts.seatsOf', { taken: cohort.seatsTaken, seats: cohort.seats })}
          </dd>
        </div>
        <div>
          <dt>{t('training.fields.result')}</dt>
          <dd>{t('training.cohorts.counts', { completed: cohort.completedCount, failed: cohort.failedCount })}</dd>
        </div>
        {canPeople ? (
          <div>
            <dt>{t('training.fields.instructors')}</dt>
            <dd data-testid="cohort-instructors">
              {cohort.instructors.length
                ? cohort.instructors.map((i) => i.fullName).join(', ')
                : t('training.cohorts.noInstructors')}
            </dd>
          </div>
        ) : null}
      </dl>
      {canWrite ? <CohortMoves cohort={cohort} /> : null}

      {canPeople ? (
        <>
          <h2>{t('training.enrollments.title')}</h2>
          {cohort.enrollments.length === 0 ? (
            <p className="muted">{t('training.enrollments.empty')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={t('training.enrollments.title')} tabIndex={0}>
              <table className="data-table" data-testid="enrollments">
                <caption className="visually-hidden">{t('training.enrollments.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training.fields.serviceNumber')}</th>
                    <th scope="col">{t('training.fields.rank')}</th>
                    <th scope="col">{t('training.fields.fullName')}</th>
                    <th scope="col">{t('training.fields.status')}</th>
                    <th scope="col" className="num">
                      {t('training.fields.score')}
                    </th>
                    {takesResults ? <th scope="col">{t('training.fields.result')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {cohort.enrollments.map((e) => (
                    <tr key={e.id} data-testid="enrollment-row" data-person-id={e.personId} data-status={e.status}>
                      <td className="mono">{e.serviceNumber ?? '—'}</td>
                      <td>{e.rank ?? '—'}</td>
                      <td>{e.fullName ?? '—'}</td>
                      <td>
                        <EnrollmentStatusBadge status={e.status} />
                      </td>
                      <td className="num">{e.score ?? '—'}</td>
                      {takesResults ? (
                        <td>{e.status === 'enrolled' ? <ResultForm key={e.version} enrollment={e} /> : null}</td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!takesResults && cohort.status !== 'completed' && cohort.status !== 'cancelled' ? (
            <p className="muted">{t('training.enrollments.resultsOnlyInProgress')}</p>
          ) : null}
          {cohortTakesEnrollments(cohort.status) ? <EnrollPanel cohort={cohort} /> : null}
        </>
      ) : null}

      {cohort.transitions.length ? (
        <>
          <h2>{t('training.cohorts.history')}</h2>
          <ol className="timeline">
            {cohort.transitions.map((tr, i) => (
              <li key={`${tr.at}:${i}`}>
                <span className="mono">{tr.at.slice(0, 16).replace('T', ' ')}</span>{' '}
                {t(`training.cohortStatus.${tr.toStatus}`)}
                {tr.comment ? ` — ${tr.comment}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
