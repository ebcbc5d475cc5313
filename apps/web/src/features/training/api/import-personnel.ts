import { endpoints } from '@jv/contracts';
import { useCsvImport } from '../../../lib/csv-import';
import { trainingKeys } from './keys';

/** The personnel CSV import (admin, training); a real import refreshes the personnel lists. */
export const useImportPersonnel = () =>
  useCsvImport(endpoints.personnel.import, (queryClient) =>
    queryClient.invalidateQueries({ queryKey: trainingKeys.personnel() }),
  );
