import { personnelImportColumns } from '@jv/contracts';
import { CsvImportView } from '../../../components/csv-import-view';
import { useImportPersonnel } from '../api/import-personnel';

/**
 * /training/personnel/import (admin, training) — choose a CSV file, check it (dry run, every bad row listed by
 * line and column), then import it.
 */
export function PersonnelImportPage() {
  const mutation = useImportPersonnel();
  return (
    <section className="form-page">
      <CsvImportView
        texts="training.import"
        columns={personnelImportColumns}
        sampleName="personnel-import-sample.csv"
        listPath="/training/personnel"
        mutation={mutation}
      />
    </section>
  );
}
