import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { SystemResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-fields';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { flattenPages } from '../../../lib/paged-query';
import { systemsQueryOptions } from '../api/get-systems';
import { QrCamera } from '../components/qr-camera';
import { StatusBadge } from '../components/system-badges';
import { useSystemLabels } from '../components/system-labels';
import { systemIdFromCode, type CameraProblem } from '../components/scan-target';
import '../scan.css';

const SEARCH_LIMIT = 20;

/** The manual way in: systems whose serial contains what was typed; one match, or the exact serial, opens at once. */
function SerialSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useSystemLabels();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const query = useInfiniteQuery({
    ...systemsQueryOptions({ q, sort: 'serial' }),
    enabled: q !== '',
  });
  const rows = useMemo(() => flattenPages<SystemResponse>(query.data).slice(0, SEARCH_LIMIT), [query.data]);
  // the whole serial typed (a label that would not scan): that system, even when longer serials contain it
  const exact = query.isSuccess ? rows.find((r) => r.serialNumber.toLowerCase() === q.toLowerCase()) : undefined;
  const only = exact ?? (query.isSuccess && rows.length === 1 && !query.hasNextPage ? rows[0] : null);
  useEffect(() => {
    if (only) void navigate(`/systems/${only.id}`);
  }, [only, navigate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };

  return (
    <form className="panel scan-search" onSubmit={submit} role="search" data-testid="scan-search">
      <h2>{t('systems.scan.searchTitle')}</h2>
      <div className="scan-search-row">
        <TextField
          name="scanSerial"
          label={t('systems.list.searchSerial')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Button type="submit" variant="primary" disabled={text.trim() === ''} data-testid="scan-search-submit">
          {t('systems.scan.find')}
        </Button>
      </div>
      {q === '' ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="scan-no-match">
          {t('systems.scan.noMatch', { q })}
        </p>
      ) : (
        <ul className="scan-results" data-testid="scan-results">
          {rows.map((s) => (
            <li key={s.id}>
              <Link to={`/systems/${s.id}`} className="scan-result">
                <span className="mono scan-result-serial">{s.serialNumber}</span>
                <span>{s.modelDesignation}</span>
                <span className="mono">{s.donorPartnerCode}</span>
                <StatusBadge status={s.status} labels={labels} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/**
 * /systems/scan — reads a system's QR label with the camera and opens the system; anything else is "not a
 * JV Tracker label". Without a camera (no API, no device, permission refused) the reason is shown and the
 * serial search is the way in; it is there in any case, for a label that will not read.
 */
export function ScanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [foreign, setForeign] = useState<string | null>(null);
  const opened = useRef(false);

  const onCode = useCallback(
    (text: string) => {
      const id = systemIdFromCode(text);
      if (!id) {
        setForeign(text);
        return;
      }
      // the reader reports the code on every frame while it is in view: open the system once
      if (opened.current) return;
      opened.current = true;
      void navigate(`/systems/${id}`);
    },
    [navigate],
  );

  return (
    <section className="scan-page" data-testid="scan-page">
      <p className="breadcrumb">
        <Link to="/systems">{t('systems.detail.backToList')}</Link>
      </p>
      <PageHeader title={t('systems.scan.title')} description={t('systems.scan.description')} />
      {problem ? (
        <Notice kind="error">
          <span data-testid="scan-problem" data-problem={problem}>
            {t(`systems.scan.problem.${problem}`)}
          </span>
        </Notice>
      ) : (
        <div className="panel">
          <QrCamera onCode={onCode} onProblem={setProblem} />
          {foreign ? (
            <Notice kind="error">
              <span data-testid="scan-foreign">{t('systems.scan.notALabel')}</span>
            </Notice>
          ) : (
            <p className="muted">{t('systems.scan.aim')}</p>
          )}
        </div>
      )}
      <SerialSearch />
    </section>
  );
}
