import { Component, type ReactNode } from 'react';

interface QuietBoundaryProps {
  children: ReactNode;
}

/**
 * Shows nothing instead of its children when they fail to render, and tries again when the browser is back online:
 * for a part of the header whose code loads after the page (the outbox's badge), which a lost connection must not
 * turn into an error page.
 */
export class QuietBoundary extends Component<QuietBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private readonly retry = () => this.setState({ failed: false });

  override componentDidMount(): void {
    window.addEventListener('online', this.retry);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('online', this.retry);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
