import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type UserResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { useFormatters } from '../../../lib/format';
import { useFacilityOptions, usePartnerOptions } from '../../../lib/lookups';
import { compactFilters, enumParam, useSearchFilters } from '../../../lib/use-search-filters';
import { useUsers } from '../api/get-users';

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const enumLabel = useEnumLabel();
  const { values, setFilter } = useSearchFilters(['q', 'role', 'active'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useUsers(
    compactFilters({
      q: values.q,
      role: enumParam(values.role, roles),
      active: enumParam(values.active, ['true', 'false'] as const),
    }),
  );
  const roleOptions = useEnumOptions('role', roles);
  const activeOptions = useEnumOptions('active', ['true', 'false']);
  const facilities = useFacilityOptions();
  const partners = usePartnerOptions();
  const facilityCode = new Map((facilities.data ?? []).map((f) => [f.id, f.code]));
  const partnerCode = new Map((partners.data ?? []).map((p) => [p.id, p.code]));

  const scope = (u: UserResponse) => {
    if (u.role === 'workshop')
      return u.facilityIds.map((id) => facilityCode.get(id) ?? id).join(', ') || t('common.none');
    if (u.role === 'partner') return (u.partnerId && partnerCode.get(u.partnerId)) ?? u.partnerId ?? t('common.none');
    return t('common.none');
  };

  const columns: Column<UserResponse>[] = [
    { key: 'name', header: t('users.displayName'), cell: (u) => u.displayName },
    { key: 'email', header: t('users.email'), cell: (u) => u.email },
    { key: 'role', header: t('users.role'), cell: (u) => enumLabel('role', u.role) },
    { key: 'scope', header: `${t('users.facilities')} / ${t('users.partner')}`, cell: scope },
    { key: 'locale', header: t('users.locale'), narrowHidden: true, cell: (u) => enumLabel('locale', u.locale) },
    {
      key: 'active',
      header: t('users.status'),
      cell: (u) => (
        <span className={`badge ${u.active ? 'badge-ok' : 'badge-muted'}`}>
          {enumLabel('active', String(u.active))}
        </span>
      ),
    },
    {
      key: 'lastLogin',
      header: t('users.lastLogin'),
      className: 'nowrap',
      narrowHidden: true,
      cell: (u) => (u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('users.never')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      hideable: false,
      cell: (u) => (
        <ButtonLink to={u.id} variant="ghost" data-testid="edit-button">
          {t('common.edit')}
        </ButtonLink>
      ),
    },
  ];

  return (
    <section>
      <PageHeader
        title={t('users.title')}
        actions={
          <ButtonLink to="new" variant="primary" data-testid="new-button">
            {t('common.new')}
          </ButtonLink>
        }
      />
      <FlashNotice />
      <ListToolbar>
        <SearchBox value={values.q} onSearch={onSearch} />
        <FilterSelect
          name="role"
          label={t('users.role')}
          value={values.role}
          options={roleOptions}
          onChange={(v) => setFilter('role', v)}
        />
        <FilterSelect
          name="active"
          label={t('users.status')}
          value={values.active}
          options={activeOptions}
          onChange={(v) => setFilter('active', v)}
        />
      </ListToolbar>
      <ListView
        listId="users"
        query={query}
        caption={t('users.title')}
        columns={columns}
        getRowId={(u) => u.id}
        emptyMessage={t('users.empty')}
      />
    </section>
  );
}
