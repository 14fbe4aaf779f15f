import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useImportedTimelineCheck, useTimeline } from '../features/timeline/use-timeline';
import { DataValidationError } from '../lib/validate-timeline';
import { ErrorBoundary } from './error-boundary';
import { Explorer } from './explorer';
import './app.css';

function TimelineLoader() {
  const query = useTimeline();
  // Imported data is checked after its first frame; its problems replace the explorer as a
  // fetched file's would have replaced the loading screen.
  const laterProblem = useImportedTimelineCheck(query.data);
  if (query.isPending) {
    return (
      <div className="loading-page" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the timeline…
      </div>
    );
  }
  const error = query.isError ? query.error : laterProblem;
  if (error) {
    const invalid = error instanceof DataValidationError;
    return (
      <div className="fatal" role="alert">
        <h1>{invalid ? 'The timeline data is invalid' : 'The timeline could not be loaded'}</h1>
        <p>
          {invalid
            ? 'The app refused to draw data that does not match the expected format.'
            : error.message}
        </p>
        {invalid ? (
          <ul className="problems">
            {(error as DataValidationError).problems.slice(0, 12).map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="button primary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <Explorer data={query.data!} />;
}

export function App() {
  const client = useQueryClient();
  const [generation, setGeneration] = useState(0);
  return (
    <ErrorBoundary
      onReset={() => {
        client.resetQueries();
        setGeneration((g) => g + 1);
      }}
    >
      <TimelineLoader key={generation} />
    </ErrorBoundary>
  );
}
