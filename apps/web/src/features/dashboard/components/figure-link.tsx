import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A figure that leads to the list it summarises, or plain text where the role may not open that list. */
export function FigureLink({
  to,
  label,
  children,
  className,
  testId,
}: {
  to: string | null;
  /** the accessible name when the visible text is a bare number ("Overdue repair jobs: WS-1") */
  label?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  if (!to) {
    return (
      <span className={className} data-testid={testId}>
        {children}
      </span>
    );
  }
  return (
    <Link to={to} className={className} aria-label={label} data-testid={testId}>
      {children}
    </Link>
  );
}
