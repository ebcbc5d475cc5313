import { useTranslation } from 'react-i18next';
import { CheckboxListField, type Option } from '../../../components/form-fields';
import { useTechnicians } from '../api/get-technicians';

interface TechniciansFieldProps {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** The job's facility: an admin picks among the workshop users of that facility. */
  facilityId: string | undefined;
  /** Technicians already on the job, kept selectable even when not in the user list. */
  assigned?: ReadonlyArray<{ id: string; displayName: string }>;
}

/** Technicians of a job: the workshop staff of the job's facility (`endpoints.repairJobs.technicians`). */
export function TechniciansField({ value, onChange, facilityId, assigned = [] }: TechniciansFieldProps) {
  const { t } = useTranslation();
  const users = useTechnicians(facilityId);

  const options: Option[] = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  for (const a of assigned)
    if (!options.some((o) => o.value === a.id)) options.push({ value: a.id, label: a.displayName });

  return (
    <CheckboxListField
      label={t('repairJobs.fields.technicians')}
      name="technicianIds"
      options={options}
      value={value}
      onChange={onChange}
    />
  );
}
