import { screen } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  it('names each language in its own words and marks the current one as pressed', () => {
    renderWithProviders(<LanguageSwitch current="en" onSelect={jest.fn()} />, { locale: 'uk', user: null });

    expect(screen.getByRole('group', { name: 'Мова' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Українська, UK' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'English, EN' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks for the other language only, never for the one already shown', async () => {
    const onSelect = jest.fn();
    const { events } = renderWithProviders(<LanguageSwitch current="uk" onSelect={onSelect} />, { user: null });

    await events.click(screen.getByRole('button', { name: 'Українська, UK' }));
    expect(onSelect).not.toHaveBeenCalled();

    await events.click(screen.getByRole('button', { name: 'English, EN' }));
    expect(onSelect).toHaveBeenCalledWith('en');
  });
});
