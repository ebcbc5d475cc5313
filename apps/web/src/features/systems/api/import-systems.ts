import { useMutation, useQueryClient } from '@tanstack/react-query';
import { problemDetailsSchema, type ProblemDetails, type SystemImportResult } from '@jv/contracts';
import { ApiError, buildUrl, NETWORK_ERROR_CODE } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';
import { systemKeys } from './system-keys';

/** Where a running import is: sending the file, then the server checking (dry run) or importing it. */
export type ImportPhase = 'uploading' | 'checking' | 'importing';

export interface ImportSystemsVariables {
  csv: string;
  dryRun: boolean;
  /** Called as the request moves on; `percent` is the share of the file sent so far (when known). */
  onPhase?: (phase: ImportPhase, percent: number | null) => void;
}

function parseProblem(xhr: XMLHttpRequest): ProblemDetails | undefined {
  if (!(xhr.getResponseHeader('content-type') ?? '').includes('json')) return undefined;
  try {
    const parsed = problemDetailsSchema.safeParse(JSON.parse(xhr.responseText));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /systems/import?dryRun=true|false (admin) with the CSV file as a `text/csv` body.
 * The one place that does not go through `apiRequest`: its body is not JSON and the page shows the
 * upload progress, which fetch cannot report; errors still come back as the client's `ApiError`.
 */
export function importSystems({ csv, dryRun, onPhase }: ImportSystemsVariables): Promise<SystemImportResult> {
  const working: ImportPhase = dryRun ? 'checking' : 'importing';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/systems/import', { dryRun }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => onPhase?.('uploading', e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = () => onPhase?.(working, null);
    xhr.onerror = () =>
      reject(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR_CODE }, 'Network error'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as SystemImportResult);
        } catch {
          reject(new ApiError(xhr.status, undefined, 'Unreadable answer'));
        }
        return;
      }
      reject(new ApiError(xhr.status, parseProblem(xhr), xhr.statusText || `HTTP ${xhr.status}`));
    };
    onPhase?.('uploading', 0);
    xhr.send(csv);
  });
}

export function useImportSystems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importSystems,
    onSuccess: (result) => {
      if (result.dryRun || result.imported === 0) return;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
      ]);
    },
    onError: (error) => {
      // the session ended: loading /auth/me afresh sends the app to the login page, as for any other call
      if (error instanceof ApiError && error.status === 401) void queryClient.resetQueries({ queryKey: sessionKeys.me() });
    },
  });
}
