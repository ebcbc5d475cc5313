import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemImportResult } from '@jv/contracts';
import { isApiError } from '../lib/api-client';
import type { ImportPhase, useCsvImport } from '../lib/csv-import';
import { useFormatters } from '../lib/format';
import { Button, ButtonLink } from './button';
import { PageHeader } from './page-header';
import { Notice } from './states';
import { useErrorMessage, useFieldMessage } from './use-error-message';

type Progress = { phase: 'reading' } | { phase: ImportPhase; percent: number | null };

export interface CsvImportViewProps {
  /** the i18n group of the import's texts (title, help, phases, result…); both groups have the same keys */
  texts: 'systems.import' | 'training.import';
  /** the CSV header the import expects */
  columns: readonly string[];
  /** file name of the downloadable sample */
  sampleName: string;
  /** where "to the list" leads after a real import */
  listPath: string;
  /** the import's mutation (lib/csv-import.ts) */
  mutation: ReturnType<typeof useCsvImport>;
}

/**
 * A CSV import page's body (systems, personnel): choose a file, check it (dry run, every bad row listed by
 * line and column in the user's language), then import it all or nothing, with the upload's progress.
 */
export function CsvImportView({ texts, columns, sampleName, listPath, mutation }: CsvImportViewProps) {
  const { t: typed } = useTranslation();
  // the keys are `${texts}.<key>`, the same in both groups (typed by i18n/systems.uk.ts and training.uk.ts)
  const t = (key: string, options?: Record<string, unknown>) =>
    (typed as unknown as (k: string, o?: Record<string, unknown>) => string)(`${texts}.${key}`, options);
  const fmt = useFormatters();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldMessage();
  const sampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${columns.join(',')}\n`)}`;
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
    mutation.mutate(
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
    if (p.phase === 'uploading' && p.percent !== null) return t('uploadingPercent', { percent: p.percent });
    return t(`phase.${p.phase}`);
  };

  // a 400 on the import itself (empty file, wrong header) carries field-like errors; show them like row errors
  const failureRows = isApiError(failure) ? failure.fieldErrors : [];

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />

      <div className="panel">
        <h2>{t('formatTitle')}</h2>
        <p>{t('formatHelp')}</p>
        <pre className="csv-sample" data-testid="import-sample-header">
          {columns.join(',')}
        </pre>
        <p className="muted">{t('formatNotes')}</p>
        <a href={sampleHref} download={sampleName} data-testid="import-sample">
          {t('sampleLink')}
        </a>
      </div>

      <div className="panel">
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
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
              ? t('fileChosen', {
                  name: file.name,
                  size: fmt.number(Math.ceil(file.text.length / 1024)),
                })
              : t('fileHint')}
          </p>
        </div>
        {readError ? <Notice kind="error">{t('readError')}</Notice> : null}
        <div className="form-actions">
          <Button variant="secondary" data-testid="import-check" disabled={!file || busy} onClick={() => run(true)}>
            {t('check')}
          </Button>
          <Button
            variant="primary"
            data-testid="import-run"
            disabled={!file || busy || !cleanCheck}
            onClick={() => run(false)}
          >
            {t('run')}
          </Button>
          {!cleanCheck && file && !busy && !imported ? <span className="muted">{t('runNeedsCheck')}</span> : null}
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
            {t('done', { count: imported.imported, formatted: fmt.number(imported.imported) })}
          </span>{' '}
          <ButtonLink to={listPath} variant="ghost">
            {t('toList')}
          </ButtonLink>
        </Notice>
      ) : null}

      {result ? (
        <div className="panel" data-testid="import-result" data-dry-run={result.dryRun}>
          <h2>{result.dryRun ? t('checkResult') : t('importResult')}</h2>
          <dl className="meta-list import-counts">
            <dt>{t('totalRows')}</dt>
            <dd data-testid="import-total">{fmt.number(result.totalRows)}</dd>
            <dt>{t('validRows')}</dt>
            <dd data-testid="import-valid">{fmt.number(result.validRows)}</dd>
            <dt>{t('errorCount')}</dt>
            <dd data-testid="import-error-count">{fmt.number(result.errors.length)}</dd>
            {!result.dryRun ? (
              <>
                <dt>{t('imported')}</dt>
                <dd data-testid="import-imported">{fmt.number(result.imported)}</dd>
              </>
            ) : null}
          </dl>
          {result.errors.length === 0 ? (
            result.dryRun ? (
              <Notice kind={result.validRows > 0 ? 'success' : 'info'}>
                <span data-testid="import-clean">{result.validRows > 0 ? t('clean') : t('noRows')}</span>
              </Notice>
            ) : null
          ) : (
            <>
              <Notice kind="error">{t('hasErrors')}</Notice>
              <div className="table-scroll" role="region" aria-label={t('errorsTitle')} tabIndex={0}>
                <table className="data-table" data-testid="import-errors">
                  <caption className="visually-hidden">{t('errorsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('line')}
                      </th>
                      <th scope="col">{t('column')}</th>
                      <th scope="col">{t('message')}</th>
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
    </>
  );
}
