import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type endpoints,
  readProblemDetails,
  systemImportResultSchema,
  type ProblemDetails,
  type SystemImportResult,
} from '@jv/contracts';
import { ApiError, endpointUrl, NETWORK_ERROR_CODE } from './api-client';
import { sessionKeys } from './query-keys';

/** Where a running import is: sending the file, then the server checking (dry run) or importing it. */
export type ImportPhase = 'uploading' | 'checking' | 'importing';

export interface CsvImportVariables {
  csv: string;
  dryRun: boolean;
  /** Called as the request moves on; `percent` is the share of the file sent so far (when known). */
  onPhase?: (phase: ImportPhase, percent: number | null) => void;
}

/** The CSV imports of the endpoint table: `text/csv` body, `?dryRun=`, the import result answer. */
export type CsvImportEndpoint = typeof endpoints.systems.import | typeof endpoints.personnel.import;

function readJson(xhr: XMLHttpRequest): unknown {
  if (!(xhr.getResponseHeader('content-type') ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(xhr.responseText);
  } catch {
    return undefined;
  }
}

function readProblem(xhr: XMLHttpRequest): ProblemDetails | undefined {
  return readProblemDetails(readJson(xhr));
}

/**
 * A CSV import (systems, personnel): `dryRun=true` checks every row, `dryRun=false`
 * imports all or nothing; the file goes as a `text/csv` body. The one call that does not go through
 * `api()`: the page shows the upload progress of files up to 20 MB, which fetch cannot report. Its URL,
 * method and body type still come from the endpoint table, its answer is checked against the contract's
 * schema, and its errors come back as the client's `ApiError`.
 */
export function uploadCsvImport(
  importEndpoint: CsvImportEndpoint,
  { csv, dryRun, onPhase }: CsvImportVariables,
): Promise<SystemImportResult> {
  const working: ImportPhase = dryRun ? 'checking' : 'importing';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(importEndpoint.method, endpointUrl(importEndpoint, { query: { dryRun: dryRun ? 'true' : 'false' } }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) =>
      onPhase?.('uploading', e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = () => onPhase?.(working, null);
    xhr.onerror = () =>
      reject(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR_CODE }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        const answer = systemImportResultSchema.safeParse(readJson(xhr));
        if (answer.success) resolve(answer.data);
        else reject(new ApiError(xhr.status, undefined));
        return;
      }
      reject(
        new ApiError(
          xhr.status,
          readProblem(xhr) ?? {
            type: 'about:blank',
            title: xhr.statusText || `HTTP ${xhr.status}`,
            status: xhr.status,
          },
        ),
      );
    };
    onPhase?.('uploading', 0);
    xhr.send(csv);
  });
}

/**
 * The mutation of one CSV import; `onImported` refreshes what a real import changed (a dry run writes
 * nothing). A 401 sends the app to the sign-in page like any other call.
 */
export function useCsvImport(
  importEndpoint: CsvImportEndpoint,
  onImported: (queryClient: QueryClient) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CsvImportVariables) => uploadCsvImport(importEndpoint, variables),
    onSuccess: (result) => {
      if (result.dryRun || result.imported === 0) return;
      return onImported(queryClient);
    },
    onError: (error) => {
      // the session ended: loading /auth/me afresh sends the app to the login page, as for any other call
      if (error instanceof ApiError && error.status === 401)
        void queryClient.resetQueries({ queryKey: sessionKeys.me() });
    },
  });
}
