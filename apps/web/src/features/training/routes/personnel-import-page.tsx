import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personnelImportColumns, type SystemImportResult } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { Notice } from '../../../components/states';
import { useErrorMessage, useFieldMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useImportPersonnel, type ImportPhase } from '../api/import-personnel';

const SAMPLE_CSV = `${personnelImportColumns.join(',')}\n`;
const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE_CSV)}`;

type Progress = { phase: 'reading' } | { phase: ImportPhase; percent: number | null };

/**
 * /training/personnel/import (admin, training) — choose a CSV file, check it (dry run, every bad row listed by
 * line and column), then import it.
 */
export function PersonnelImportPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldMessage();
  const importPersonnel = useImportPersonnel();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checked, setChecked] = useState<SystemImportResult | null>(null);
  const [imported, setImported] = useState<SystemImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [readError, setReadError] = useState(false);

  const busy = progress !== null;
  const result = imported ?? checked;
  const cleanCheck = !!checked && checked.errors.length === 0 && checked.validRows > 0;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setChecked(null);
    setImported(null);
    setFailure(null);
    setReadError(false);
    setFile(null);
    if (!chosen) return;
    setProgress({ phase: 'reading' });
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setReadError(true);
    } finally {
      setProgress(null);
    }
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    if (dryRun) setChecked(null);
    setImported(null);
    importPersonnel.mutate(
      { csv: file.text, dryRun, onPhase: (phase, percent) => setProgress({ phase, percent }) },
      {
        onSuccess: (answer) => {
          if (dryRun) setChecked(answer);
          else {
            setImported(answer);
            setChecked(null);
          }
        },
        onError: (error) => {
          setFailure(error);
          // a refused import (the file changed meanwhile, a row became a duplicate): check it again
          if (!dryRun) setChecked(null);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  const progressText = (p: Progress) => {
    if (p.phase === 'uploading' && p.percent !== null)
      return t('training.import.uploadingPercent', { percent: p.percent });
    return t(`training.import.phase.${p.phase}`);
  };

  // a 400 on the import itself (empty file, wrong header) carries field-like errors; show them like row errors
  const failureRows = isApiError(failure) ? failure.fieldErrors : [];

  return (
    <section className="form-page">
      <PageHeader title={t('training.import.title')} description={t('training.import.description')} />

      <div className="panel">
        <h2>{t('training.import.formatTitle')}</h2>
        <p>{t('training.import.formatHelp')}</p>
        <pre className="csv-sample" data-testid="import-sample-header">
          {personnelImportColumns.join(',')}
        </pre>
        <p className="muted">{t('training.import.formatNotes')}</p>
        <a href={SAMPLE_HREF} download="personnel-import-sample.csv" data-testid="import-sample">
          {t('training.import.sampleLink')}
        </a>
      </div>

      <div className="panel">
        <div className="field">
          <label htmlFor="import-file">{t('training.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => void onFile(e)}
          />
          <p className="field-hint">
            {file
              ? t('training.import.fileChosen', {
                  name: file.name,
                  size: fmt.number(Math.ceil(file.text.length / 1024)),
                })
              : t('training.import.fileHint')}
          </p>
        </div>
        {readError ? <Notice kind="error">{t('training.import.readError')}</Notice> : null}
        <div className="form-actions">
          <Button variant="secondary" data-testid="import-check" disabled={!file || busy} onClick={() => run(true)}>
            {t('training.import.check')}
          </Button>
          <Button
            variant="primary"
            data-testid="import-run"
            disabled={!file || busy || !cleanCheck}
            onClick={() => run(false)}
          >
            {t('training.import.run')}
          </Button>
          {!cleanCheck && file && !busy && !imported ? (
            <span className="muted">{t('training.import.runNeedsCheck')}</span>
          ) : null}
        </div>
        {progress ? (
          <div
            className="import-progress"
            role="status"
            aria-live="polite"
            data-testid="import-progress"
            data-phase={progress.phase}
          >
            <span className="spinner" aria-hidden="true" />
            <span>{progressText(progress)}</span>
            {progress.phase === 'uploading' && progress.percent !== null ? (
              <progress max={100} value={progress.percent} />
            ) : null}
          </div>
        ) : null}
      </div>

      {failure ? (
        <div className="notice notice-error" role="alert" data-testid="import-failure">
          <p>{errorMessage(failure)}</p>
          {failureRows.length > 0 ? (
            <ul>
              {failureRows.map((e, i) => (
                <li key={`${e.path}:${e.code}:${i}`}>
                  {e.path ? <code>{e.path}</code> : null} {fieldMessage(e)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {imported && imported.errors.length === 0 ? (
        <Notice kind="success">
          <span data-testid="import-done">
            {t('training.import.done', { count: imported.imported, formatted: fmt.number(imported.imported) })}
          </span>{' '}
          <ButtonLink to="/training/personnel" variant="ghost">
            {t('training.import.toList')}
          </ButtonLink>
        </Notice>
      ) : null}

      {result ? (
        <div className="panel" data-testid="import-result" data-dry-run={result.dryRun}>
          <h2>{result.dryRun ? t('training.import.checkResult') : t('training.import.importResult')}</h2>
          <dl className="meta-list import-counts">
            <dt>{t('training.import.totalRows')}</dt>
            <dd data-testid="import-total">{fmt.number(result.totalRows)}</dd>
            <dt>{t('training.import.validRows')}</dt>
            <dd data-testid="import-valid">{fmt.number(result.validRows)}</dd>
            <dt>{t('training.import.errorCount')}</dt>
            <dd data-testid="import-error-count">{fmt.number(result.errors.length)}</dd>
            {!result.dryRun ? (
              <>
                <dt>{t('training.import.imported')}</dt>
                <dd data-testid="import-imported">{fmt.number(result.imported)}</dd>
              </>
            ) : null}
          </dl>
          {result.errors.length === 0 ? (
            result.dryRun ? (
              <Notice kind={result.validRows > 0 ? 'success' : 'info'}>
                <span data-testid="import-clean">
                  {result.validRows > 0 ? t('training.import.clean') : t('training.import.noRows')}
                </span>
              </Notice>
            ) : null
          ) : (
            <>
              <Notice kind="error">{t('training.import.hasErrors')}</Notice>
              <div className="table-scroll" role="region" aria-label={t('training.import.errorsTitle')} tabIndex={0}>
                <table className="data-table" data-testid="import-errors">
                  <caption className="visually-hidden">{t('training.import.errorsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('training.import.line')}
                      </th>
                      <th scope="col">{t('training.import.column')}</th>
                      <th scope="col">{t('training.import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.map((e, i) => (
                      <tr
                        key={`${e.line}:${e.column ?? ''}:${i}`}
                        data-testid="import-error"
                        data-line={e.line}
                        data-column={e.column ?? ''}
                      >
                        <td className="num">{e.line}</td>
                        <td className="mono">{e.column ?? '—'}</td>
                        {/* each row error by its code and parameters, worded like the forms’ own field messages */}
                        <td>{fieldMessage(e)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
