import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../../components/button';
import { FormActions } from '../../../components/form-fields';

export function FormButtons({ isSaving, cancelTo }: { isSaving: boolean; cancelTo: string }) {
  const { t } = useTranslation();
  return (
    <FormActions>
      <Button type="submit" variant="primary" busy={isSaving} data-testid="save-button">
        {isSaving ? t('common.saving') : t('common.save')}
      </Button>
      <ButtonLink to={cancelTo} variant="ghost" data-testid="cancel-button">
        {t('common.cancel')}
      </ButtonLink>
    </FormActions>
  );
}
