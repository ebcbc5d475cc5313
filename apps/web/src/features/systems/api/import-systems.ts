import { endpoints } from '@jv/contracts';
import { useCsvImport } from '../../../lib/csv-import';
import { systemKeys } from './system-keys';

/** The systems CSV import (admin); a real import refreshes the lists and the readiness summary. */
export const useImportSystems = () =>
  useCsvImport(endpoints.systems.import, (queryClient) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
    ]),
  );
