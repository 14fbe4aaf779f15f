import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Called after the URL was reset, before rendering the children again. */
  onReset: () => void;
}

interface State {
  error: Error | null;
}

/** Catches render errors anywhere below it and offers a way back instead of a white page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is shown on the page; nothing is sent anywhere.
  }

  private reset = () => {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>Something went wrong while showing the timeline</h1>
        <p>
          The page hit an unexpected error: <code>{error.message || error.name}</code>
        </p>
        <p>
          Resetting goes back to the default view (all events, nothing selected) and clears the
          link’s settings.
        </p>
        <button type="button" className="button primary" onClick={this.reset}>
          Reset to the default view
        </button>
      </div>
    );
  }
}
