import { act, render, screen } from '@testing-library/react';
import { QuietBoundary } from './quiet-boundary';

let broken = true;
function Part() {
  if (broken) throw new Error('Failed to fetch dynamically imported module');
  return <span data-testid="part">badge</span>;
}

describe('QuietBoundary', () => {
  it('shows nothing when its part fails (the page stays) and tries again once online', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <main>
        <p data-testid="page">page</p>
        <QuietBoundary>
          <Part />
        </QuietBoundary>
      </main>,
    );
    expect(screen.getByTestId('page')).toBeInTheDocument();
    expect(screen.queryByTestId('part')).not.toBeInTheDocument();

    broken = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.getByTestId('part')).toBeInTheDocument();
  });
});
