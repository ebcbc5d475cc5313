import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readinessClasses, systemStatuses, type SystemStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { ToggleChips, useFilterChip } from '../../../components/filter-bar';
import { FilterSelect, ListToolbar, LookupFilterSelect, SearchBox } from '../../../components/list-toolbar';
import type { FacilityResponse, PartnerResponse, SystemModelResponse, UnitResponse } from '@jv/contracts';
import {
  facilityLabel,
  partnerLabel,
  useFacilityOptions,
  usePartnerOptions,
  useSystemModelOptions,
} from '../../../lib/lookups';
import { useCurrentUser } from '../../../lib/session';
import { unitLabel, useUnitOptions } from '../api/get-unit-options';
import { useSystemLabels } from './system-labels';

export const SYSTEM_FILTER_KEYS = [
  'status',
  'readiness',
  'modelId',
  'donorPartnerId',
  'unitId',
  'facilityId',
  'wearAbove',
  'q',
  'sort',
  'order',
] as const;
export type SystemFilterKey = (typeof SYSTEM_FILTER_KEYS)[number];
export type SystemFilterValues = Record<SystemFilterKey, string>;

interface SystemsFiltersProps {
  values: SystemFilterValues;
  setFilter: (key: SystemFilterKey, value: string) => void;
  clear: () => void;
}

/** The statuses chosen in the URL (`status=in_repair,awaiting_parts`), unknown ones dropped. */
export function statusesParam(value: string): SystemStatus[] {
  return value.split(',').filter((s): s is SystemStatus => (systemStatuses as readonly string[]).includes(s));
}

/** A percent in the URL, or undefined when absent or out of range. */
export function wearParam(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1000 ? n : undefined;
}

/** Several statuses as toggle chips: one tap toggles one status (none chosen: every status). */
function StatusFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  return (
    <ToggleChips
      name="status"
      label={t('systems.fields.status')}
      options={systemStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
      selected={statusesParam(value)}
      onChange={(next) => onChange(next.join(','))}
      hint={t('systems.list.allStatuses')}
    />
  );
}

/** Wear above N %: a number box that commits after a pause, on Enter or on leaving it. */
function WearFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }
  useFilterChip('wearAbove', t('systems.list.wearAbove'), value, () => onChange(''));
  const invalid = text.trim() !== '' && wearParam(text) === undefined;
  const commit = useCallback(() => {
    const next = text.trim();
    if (next !== value && (next === '' || wearParam(next) !== undefined)) onChange(next);
  }, [text, value, onChange]);
  useEffect(() => {
    const timer = setTimeout(commit, 600);
    return () => clearTimeout(timer);
  }, [commit]);
  return (
    <div className={`toolbar-item${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor="filter-wearAbove">{t('systems.list.wearAbove')}</label>
      <input
        id="filter-wearAbove"
        data-testid="filter-wearAbove"
        type="number"
        inputMode="decimal"
        min={0}
        max={1000}
        step={1}
        placeholder={t('systems.list.wearAbovePlaceholder')}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {invalid ? <p className="field-error">{t('systems.list.wearInvalid')}</p> : null}
    </div>
  );
}

const modelOption = (m: SystemModelResponse) => ({ value: m.id, label: m.designation });
const partnerOption = (p: PartnerResponse) => ({ value: p.id, label: partnerLabel(p) });
const unitOption = (u: UnitResponse) => ({ value: u.id, label: unitLabel(u) });
const facilityOption = (f: FacilityResponse) => ({ value: f.id, label: facilityLabel(f) });

export function SystemsFilters({ values, setFilter, clear }: SystemsFiltersProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useSystemLabels();
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const any = Object.values(values).some(Boolean);

  return (
    <ListToolbar>
      <SearchBox value={values.q} onSearch={onSearch} label={t('systems.list.searchSerial')} />
      <StatusFilter value={values.status} onChange={(v) => setFilter('status', v)} />
      <div className="toolbar-group">
        <FilterSelect
          name="readiness"
          label={t('systems.fields.readiness')}
          value={values.readiness}
          options={readinessClasses.map((c) => ({
            value: c,
            label: `${labels.readiness(c)} — ${labels.readinessLong(c)}`,
          }))}
          onChange={(v) => setFilter('readiness', v)}
        />
        <LookupFilterSelect
          name="modelId"
          label={t('systems.fields.model')}
          value={values.modelId}
          useOptions={useSystemModelOptions}
          toOption={modelOption}
          onChange={(v) => setFilter('modelId', v)}
        />
        {user.role !== 'partner' ? (
          <LookupFilterSelect
            name="donorPartnerId"
            label={t('systems.fields.donor')}
            value={values.donorPartnerId}
            useOptions={usePartnerOptions}
            toOption={partnerOption}
            onChange={(v) => setFilter('donorPartnerId', v)}
          />
        ) : null}
        <LookupFilterSelect
          name="unitId"
          label={t('systems.fields.unit')}
          value={values.unitId}
          useOptions={useUnitOptions}
          toOption={unitOption}
          onChange={(v) => setFilter('unitId', v)}
        />
        <LookupFilterSelect
          name="facilityId"
          label={t('systems.fields.facility')}
          value={values.facilityId}
          useOptions={useFacilityOptions}
          toOption={facilityOption}
          onChange={(v) => setFilter('facilityId', v)}
        />
        <WearFilter value={values.wearAbove} onChange={(v) => setFilter('wearAbove', v)} />
        <div className="toolbar-item">
          <label htmlFor="filter-sort">{t('systems.list.sort')}</label>
          <select
            id="filter-sort"
            data-testid="filter-sort"
            value={values.sort || 'serial'}
            onChange={(e) => setFilter('sort', e.target.value === 'serial' ? '' : e.target.value)}
          >
            <option value="serial">{t('systems.list.sortSerial')}</option>
            <option value="wear">{t('systems.list.sortWear')}</option>
            <option value="lastChange">{t('systems.list.sortLastChange')}</option>
          </select>
        </div>
        <div className="toolbar-item">
          <label htmlFor="filter-order">{t('systems.list.order')}</label>
          <select
            id="filter-order"
            data-testid="filter-order"
            value={values.order || 'asc'}
            onChange={(e) => setFilter('order', e.target.value === 'asc' ? '' : e.target.value)}
          >
            <option value="asc">{t('systems.list.asc')}</option>
            <option value="desc">{t('systems.list.desc')}</option>
          </select>
        </div>
        {any ? (
          <div className="toolbar-item toolbar-item-end">
            <Button variant="ghost" data-testid="clear-filters" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </div>
    </ListToolbar>
  );
}
