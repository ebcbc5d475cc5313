import { systemImportColumns } from '@jv/contracts';
import { CsvImportView } from '../../../components/csv-import-view';
import { useImportSystems } from '../api/import-systems';
import { SystemsNav } from '../components/systems-nav';

/** /systems/import (admin) — choose a CSV file, check it (dry run, every bad row listed), then import it. */
export function ImportPage() {
  const mutation = useImportSystems();
  return (
    <section className="form-page">
      <SystemsNav />
      <CsvImportView
        texts="systems.import"
        columns={systemImportColumns}
        sampleName="systems-import-sample.csv"
        listPath="/systems"
        mutation={mutation}
      />
    </section>
  );
}
