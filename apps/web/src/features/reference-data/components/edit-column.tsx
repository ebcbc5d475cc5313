import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';

/** The "Edit" column that admins get on every reference list. */
export function useEditColumn<T extends { id: string }>(enabled: boolean): Column<T>[] {
  const { t } = useTranslation();
  if (!enabled) return [];
  return [
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      cell: (row) => (
        <ButtonLink to={`${row.id}/edit`} variant="ghost" data-testid="edit-button">
          {t('common.edit')}
        </ButtonLink>
      ),
    },
  ];
}
