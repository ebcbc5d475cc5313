import { screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '../components/form-alert';
import { TextField } from '../components/form-fields';
import { renderWithProviders } from '../test/render';
import { ApiError } from './api-client';
import { useServerFormErrors } from './form-errors';

interface Values {
  code: string;
  name: string;
}

function Probe({ error }: { error: unknown }) {
  const form = useForm<Values>({ defaultValues: { code: '', name: '' } });
  const { formError, handleError } = useServerFormErrors(form.setError, ['code', 'name']);
  return (
    <form>
      <FormAlert formError={formError} />
      <TextField label="Code" error={form.formState.errors.code} {...form.register('code')} />
      <TextField label="Name" error={form.formState.errors.name} {...form.register('name')} />
      <button type="button" onClick={() => handleError(error)}>
        fail
      </button>
    </form>
  );
}

const refused = (status: number, code: string, errors: Array<Record<string, unknown>>) =>
  new ApiError(status, {
    type: 'x',
    title: 'x',
    status,
    code,
    errors: errors.map((e) => ({ message: 'English', ...e })),
  } as never);

/** The server's coded field errors land on the form's own fields, in the user's language. */
describe('useServerFormErrors', () => {
  it.each([
    ['uk', 'Уже використовується', /ISO 3166/, 'Перевірте виділені поля.'],
    ['en', 'Already in use', /ISO 3166/, 'Check the highlighted fields.'],
  ] as const)(
    'in %s: a field the form has gets its message; one it lacks is listed in the banner',
    async (locale, taken, unknownField, banner) => {
      const error = refused(400, 'VALIDATION_FAILED', [
        { path: 'code', code: 'duplicate' },
        { path: 'country', code: 'country_code' },
      ]);
      const { events } = renderWithProviders(<Probe error={error} />, { locale });
      await events.click(screen.getByRole('button', { name: 'fail' }));
      await waitFor(() => expect(screen.getByLabelText(/^Code/)).toHaveAccessibleDescription(taken));
      expect(screen.getByTestId('form-error')).toHaveTextContent(banner);
      expect(screen.getByTestId('form-error')).toHaveTextContent(unknownField);
      expect(screen.getByTestId('form-error')).not.toHaveTextContent('English');
    },
  );

  it(
    'puts a 409 that names a field (DUPLICATE) on that field too, ' + 'and a stale version only in the banner',
    async () => {
      const duplicate = refused(409, 'DUPLICATE', [{ path: 'name', code: 'duplicate' }]);
      const { events, unmount } = renderWithProviders(<Probe error={duplicate} />, { locale: 'en' });
      await events.click(screen.getByRole('button', { name: 'fail' }));
      await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('Already in use'));
      unmount();
      const stale = refused(409, 'STALE_VERSION', []);
      const second = renderWithProviders(<Probe error={stale} />, { locale: 'en' });
      await second.events.click(screen.getByRole('button', { name: 'fail' }));
      expect(await screen.findByTestId('stale-version-error')).toHaveTextContent(
        /Someone else has just changed this record/,
      );
      expect(screen.getByLabelText(/^Name/)).not.toHaveAccessibleDescription();
    },
  );
});
