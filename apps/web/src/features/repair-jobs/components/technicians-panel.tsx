import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useCurrentUser } from '../../../lib/session';
import { useUpdateRepairJob } from '../api/update-repair-job';
import { TechniciansField } from './technicians-field';

/**
 * The job's technicians: a workshop user assigns or unassigns themself with one tap, and anyone who
 * may work on the job edits the list from the facility's staff. Every change carries the job's version.
 */
export function TechniciansPanel({ job, canWork }: { job: RepairJobDetail; canWork: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateRepairJob();
  const [draft, setDraft] = useState<string[] | null>(null);
  const { formError, handleError, clearFormError } = useServerFormErrors(() => undefined, []);
  const open = job.allowedTransitions.length > 0;

  const save = (technicianIds: string[]) => {
    clearFormError();
    update.mutate(
      { id: job.id, input: { version: job.version, technicianIds } },
      { onSuccess: () => setDraft(null), onError: handleError },
    );
  };

  const names =
    job.technicians.length > 0 ? (
      <ul className="rj-tech-list" data-testid="technicians">
        {job.technicians.map((tech) => (
          <li key={tech.id} data-testid="technician">
            {tech.displayName}
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted" data-testid="technicians">
        {job.technicianIds.length > 0 ? t('repairJobs.detail.techniciansHidden') : t('repairJobs.noTechnicians')}
      </p>
    );

  if (!canWork || !open) return names;

  const value = draft ?? job.technicianIds;
  const assigned = job.technicianIds.includes(user.id);
  return (
    <>
      <FormAlert formError={formError} />
      {user.role === 'workshop' ? (
        <Button
          variant={assigned ? 'secondary' : 'primary'}
          busy={update.isPending}
          data-testid={assigned ? 'unassign-me' : 'assign-me'}
          onClick={() =>
            save(assigned ? job.technicianIds.filter((id) => id !== user.id) : [...job.technicianIds, user.id])
          }
        >
          {assigned ? t('repairJobs.detail.unassignMe') : t('repairJobs.detail.assignMe')}
        </Button>
      ) : null}
      <TechniciansField value={value} onChange={setDraft} facilityId={job.facilityId} assigned={job.technicians} />
      <Button
        variant="primary"
        busy={update.isPending}
        disabled={draft === null}
        data-testid="technicians-save"
        onClick={() => save(value)}
      >
        {t('repairJobs.detail.saveTechnicians')}
      </Button>
    </>
  );
}
