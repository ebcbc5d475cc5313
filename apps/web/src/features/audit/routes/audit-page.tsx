import { useTranslation } from 'react-i18next';
import { auditActions, type AuditEntry } from '@jv/contracts';
import { Button } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FilterInput, FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { useFormatters } from '../../../lib/format';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useAuditLog } from '../api/get-audit-log';
import { auditEntityTypes } from '../audit-entities';
import { AuditEntryDetails } from '../components/audit-entry-details';
import { RecordRef } from '../components/record-ref';

const FILTERS = ['entityType', 'entityId', 'action', 'actorId', 'from', 'to'] as const;

/** A calendar day from a date input, as the start (or end) of that day in the user's time zone. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const enumLabel = useEnumLabel();
  const { values, setFilter, setFilters } = useSearchFilters(FILTERS);
  const actionOptions = useEnumOptions('auditAction', auditActions);
  const entityOptions = useEnumOptions('auditEntity', auditEntityTypes);
  // a kind the app does not know yet (from a shared link) stays selectable
  if (values.entityType && !entityOptions.some((o) => o.value === values.entityType)) {
    entityOptions.push({ value: values.entityType, label: values.entityType });
  }
  const actorIdInvalid = values.actorId !== '' && !uuidParam(values.actorId);

  const query = useAuditLog(
    compactFilters({
      entityType: values.entityType || undefined,
      entityId: values.entityId || undefined,
      action: enumParam(values.action, auditActions),
      actorId: uuidParam(values.actorId),
      from: dayBoundary(values.from, false),
      to: dayBoundary(values.to, true),
    }),
  );

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), className: 'nowrap', cell: (e) => fmt.dateTime(e.at) },
    { key: 'actor', header: t('audit.actor'), cell: (e) => e.actorEmail ?? t('audit.system') },
    {
      key: 'action',
      header: t('audit.action'),
      cell: (e) => <span className={`badge badge-action-${e.action}`}>{enumLabel('auditAction', e.action)}</span>,
    },
    { key: 'entityType', header: t('audit.entityType'), cell: (e) => enumLabel('auditEntity', e.entityType) },
    {
      key: 'entityId',
      header: t('audit.entityId'),
      className: 'nowrap',
      cell: (e) => <RecordRef type={e.entityType} id={e.entityId} />,
    },
    { key: 'ip', header: t('audit.ip'), className: 'mono nowrap', cell: (e) => e.ip ?? t('common.none') },
  ];

  const anyFilter = FILTERS.some((f) => values[f] !== '');

  return (
    <section>
      <PageHeader title={t('audit.title')} />
      <ListToolbar>
        <FilterSelect
          name="entityType"
          label={t('audit.entityType')}
          value={values.entityType}
          options={entityOptions}
          onChange={(v) => setFilter('entityType', v)}
        />
        <FilterInput
          name="entityId"
          label={t('audit.entityId')}
          value={values.entityId}
          onChange={(v) => setFilter('entityId', v)}
        />
        <FilterSelect
          name="action"
          label={t('audit.action')}
          value={values.action}
          options={actionOptions}
          onChange={(v) => setFilter('action', v)}
        />
        <FilterInput
          name="actorId"
          label={t('audit.actorId')}
          value={values.actorId}
          onChange={(v) => setFilter('actorId', v)}
          error={actorIdInvalid ? t('audit.invalidActorId') : undefined}
        />
        <FilterInput
          name="from"
          type="date"
          label={t('audit.from')}
          value={values.from}
          onChange={(v) => setFilter('from', v)}
        />
        <FilterInput
          name="to"
          type="date"
          label={t('audit.to')}
          value={values.to}
          onChange={(v) => setFilter('to', v)}
        />
        {anyFilter ? (
          <div className="toolbar-item toolbar-item-end">
            <Button
              variant="ghost"
              onClick={() => setFilters(Object.fromEntries(FILTERS.map((f) => [f, ''])))}
              data-testid="clear-filters"
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </ListToolbar>
      <ListView
        listId="audit"
        query={query}
        caption={t('audit.title')}
        columns={columns}
        getRowId={(e) => e.id}
        emptyMessage={t('audit.empty')}
        renderDetails={(e) => <AuditEntryDetails entry={e} />}
      />
    </section>
  );
}
