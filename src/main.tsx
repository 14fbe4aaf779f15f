// The shared sheets come first, so that every component's own sheet (imported with it) follows them.
import './styles/tokens.css';
import './styles/global.css';
import './styles/shared.css';
import './styles/event-kinds.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { timelineQueryOptions } from './features/timeline/timeline-query';

/**
 * How long the first render waits for the timeline data (requested while this bundle was still
 * being evaluated) before it shows the loading screen instead. Usually the data is already there:
 * the explorer is then the first thing drawn, with no loading screen painted and replaced at once.
 */
const FIRST_RENDER_WAIT_MS = 150;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const client = createQueryClient();
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <Providers client={client}>
        <App />
      </Providers>
    </StrictMode>,
  );
// prefetchQuery never rejects: a failure is kept in the cache and shown by the first render.
void Promise.race([
  client.prefetchQuery(timelineQueryOptions()),
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
]).then(render);
