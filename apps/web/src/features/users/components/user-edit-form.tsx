import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { locales, roles, updateUserInputSchema, type UserResponse } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { CheckboxField, FormActions, SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useUpdateUser } from '../api/update-user';
import { scopeForRole, UserScopeFields } from './user-scope-fields';

/**
 * The contract's update schema without the version (added on submit), every field present, plus the
 * same scope rule as a create: a workshop user needs facilities, a partner user a partner.
 */
const editUserSchema = updateUserInputSchema
  .omit({ version: true })
  .required({ displayName: true, role: true, locale: true, active: true })
  .superRefine((v, ctx) => {
    if (v.role === 'workshop' && (!v.facilityIds || v.facilityIds.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['facilityIds'], message: 'facilities required' });
    }
    if (v.role === 'partner' && !v.partnerId) {
      ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'partner required' });
    }
  });
type Values = z.input<typeof editUserSchema>;

const FIELDS = ['displayName', 'role', 'locale', 'facilityIds', 'partnerId', 'active'] as const;

export function UserEditForm({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roleOptions = useEnumOptions('role', roles);
  const localeOptions = useEnumOptions('locale', locales);
  const updateUser = useUpdateUser();

  const form = useForm<Values, unknown, z.output<typeof editUserSchema>>({
    resolver: zodResolver(editUserSchema),
    defaultValues: {
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      facilityIds: user.facilityIds,
      partnerId: user.partnerId,
      active: user.active,
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const role = form.watch('role');

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    updateUser.mutate(
      { id: user.id, input: { ...scopeForRole(values), version: user.version } },
      { onSuccess: () => navigate('/admin/users', { state: flash('saved') }), onError: handleError },
    );
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField label={t('users.email')} name="email" value={user.email} readOnly disabled />
        <TextField
          label={t('users.displayName')}
          required
          error={errors.displayName}
          {...form.register('displayName')}
        />
        <SelectField
          label={t('users.role')}
          required
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
      <CheckboxField label={t('users.active')} {...form.register('active')} />
      <FormActions>
        <Button type="submit" variant="primary" busy={updateUser.isPending} data-testid="save-button">
          {updateUser.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <ButtonLink to="/admin/users" variant="ghost" data-testid="cancel-button">
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}
