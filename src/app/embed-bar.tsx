import { serializeOpenView, type ViewState } from '../lib/url-search-params';
import './embed.css';

/** The app's own address with `query`: the same page, outside the frame. */
export function openInTiesHref(view: ViewState): string {
  const url = new URL(window.location.href);
  url.search = serializeOpenView(view);
  url.hash = '';
  return url.href;
}

/**
 * Shown instead of the site header when the app runs inside another page's frame (`embed=1`): the
 * name, and a link that opens the same view (selection, filters, window) as a page of its own.
 */
export function EmbedBar({ view }: { view: ViewState }) {
  return (
    <header className="embed-bar">
      <h1 className="embed-name">Ties</h1>
      <a className="embed-open" href={openInTiesHref(view)} target="_blank" rel="noopener">
        Open in Ties<span className="sr-only"> (opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </header>
  );
}
