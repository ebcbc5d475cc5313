import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createUserInputSchema, locales, PASSWORD_MIN_LENGTH, roles, type CreateUserInput } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateUser } from '../api/create-user';
import { scopeForRole, UserScopeFields } from './user-scope-fields';

const FIELDS = ['email', 'displayName', 'role', 'locale', 'facilityIds', 'partnerId', 'password'] as const;
type Values = z.input<typeof createUserInputSchema>;

export function UserCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roleOptions = useEnumOptions('role', roles);
  const localeOptions = useEnumOptions('locale', locales);
  const createUser = useCreateUser();
  const idempotency = useIdempotencyKey();

  const form = useForm<Values, unknown, z.output<typeof createUserInputSchema>>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { email: '', displayName: '', locale: 'uk', facilityIds: [], partnerId: null, password: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const role = form.watch('role');

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    const input: CreateUserInput = scopeForRole(values);
    createUser.mutate(
      { input, idempotencyKey: idempotency.key },
      {
        onSuccess: (user) => navigate(`/admin/users/${user.id}`, { state: flash('created') }),
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField
          label={t('users.email')}
          type="email"
          autoComplete="off"
          required
          error={errors.email}
          {...form.register('email')}
        />
        <TextField
          label={t('users.displayName')}
          required
          error={errors.displayName}
          {...form.register('displayName')}
        />
        <SelectField
          label={t('users.role')}
          required
          placeholder={t('common.notSelected')}
          options={roleOptions}
          error={errors.role}
          {...form.register('role')}
        />
        <SelectField
          label={t('users.locale')}
          required
          options={localeOptions}
          error={errors.locale}
          {...form.register('locale')}
        />
      </div>
      <UserScopeFields
        role={role}
        control={form.control as unknown as Control<{ facilityIds?: string[]; partnerId?: string | null }>}
        errors={errors}
      />
      <TextField
        label={t('users.password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={errors.password}
        {...form.register('password')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={createUser.isPending} data-testid="save-button">
          {createUser.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <ButtonLink to="/admin/users" variant="ghost" data-testid="cancel-button">
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}
