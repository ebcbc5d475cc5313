import { useTranslation } from 'react-i18next';
import { FilterInput, FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { Notice } from '../../../components/states';
import { useCurrentUser } from '../../../lib/session';
import { useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { isMonth, monthIn, monthsBetween } from './dates';
import { useSupplierOptions } from './use-request-options';

/** At most a year of months on one screen. */
export const MAX_MONTHS = 12;
const FILTERS = ['partnerId', 'from', 'to'] as const;

/**
 * The partner and the range of months of the supply plan pages, kept in the URL: this month and the
 * next two by default. A partner user sees only its own country; others the partner of the URL, else
 * `defaultPartnerId` (when the page has one).
 */
export function usePlanPeriod(defaultFrom = monthIn(0), defaultTo = monthIn(2), defaultPartnerId?: string) {
  const user = useCurrentUser();
  const { values, setFilter } = useSearchFilters(FILTERS);
  const partnerId =
    user.role === 'partner' ? (user.partnerId ?? undefined) : (uuidParam(values.partnerId) ?? defaultPartnerId);
  const from = isMonth(values.from) ? values.from : defaultFrom;
  const to = isMonth(values.to) ? values.to : defaultTo;
  const months = monthsBetween(from, to);
  const valid = months.length > 0 && months.length <= MAX_MONTHS;
  return { partnerId, from, to, months: valid ? months : [], valid, values, setFilter };
}

export function PlanPeriodToolbar({ period }: { period: ReturnType<typeof usePlanPeriod> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const suppliers = useSupplierOptions(user.role !== 'partner');
  return (
    <>
      <ListToolbar>
        {user.role !== 'partner' ? (
          <FilterSelect
            name="partnerId"
            label={t('supplyPlans.partner')}
            value={period.partnerId ?? ''}
            options={suppliers.options}
            onChange={(v) => period.setFilter('partnerId', v)}
          />
        ) : null}
        <FilterInput
          name="from"
          type="month"
          label={t('supplyPlans.from')}
          value={period.from}
          onChange={(v) => period.setFilter('from', v)}
        />
        <FilterInput
          name="to"
          type="month"
          label={t('supplyPlans.to')}
          value={period.to}
          onChange={(v) => period.setFilter('to', v)}
          error={period.valid ? undefined : t('supplyPlans.rangeInvalid', { n: MAX_MONTHS })}
        />
      </ListToolbar>
      {!period.partnerId ? <Notice>{t('supplyPlans.choosePartner')}</Notice> : null}
    </>
  );
}
