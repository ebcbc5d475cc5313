import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { SupplyLayout } from './layouts';

const links = () =>
  within(screen.getByRole('navigation', { name: 'Supply sections' }))
    .getAllByRole('link')
    .map((l) => l.textContent);

describe('SupplyLayout (sub-navigation per role, from the permission table)', () => {
  it.each([
    ['admin', ['Requests', 'Awaiting approval', 'Monthly plans', 'Plan vs actual', 'Metrics']],
    ['logistics', ['Requests', 'Awaiting approval', 'Monthly plans', 'Plan vs actual', 'Metrics']],
    ['workshop', ['Requests', 'Monthly plans', 'Plan vs actual', 'Metrics']],
    ['partner', ['Requests', 'Monthly plans', 'Plan vs actual', 'Metrics']],
    ['viewer', ['Requests', 'Monthly plans', 'Plan vs actual', 'Metrics']],
  ] as const)('shows %s %j', (role, expected) => {
    renderWithProviders(<SupplyLayout />, { user: role, locale: 'en' });
    expect(links()).toEqual(expected);
  });
});
