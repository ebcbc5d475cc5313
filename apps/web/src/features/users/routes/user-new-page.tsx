import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { UserCreateForm } from '../components/user-create-form';

export function UserNewPage() {
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <PageHeader title={t('users.newTitle')} />
      <UserCreateForm />
    </section>
  );
}
