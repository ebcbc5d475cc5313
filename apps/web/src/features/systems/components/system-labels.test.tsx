import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { useSystemLabels } from './system-labels';

function Readiness({ ratio }: { ratio: number | null }) {
  const labels = useSystemLabels();
  return <p data-testid="percent">{labels.percent(ratio)}</p>;
}

describe('useSystemLabels().percent (readiness rates)', () => {
  it("writes a ratio as a percentage with the locale's decimal mark, one decimal at most", () => {
    const { unmount } = renderWithProviders(<Readiness ratio={0.82345} />, { locale: 'uk' });
    expect(screen.getByTestId('percent')).toHaveTextContent(/^82,3\s?%$/);
    unmount();

    renderWithProviders(<Readiness ratio={0.82345} />, { locale: 'en' });
    expect(screen.getByTestId('percent')).toHaveTextContent(/^82\.3%$/);
  });
});
