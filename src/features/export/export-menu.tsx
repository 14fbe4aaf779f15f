import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './export.css';
import type { EventFilter } from '../../lib/filter-events';
import type { TimelineData, TimelineEvent, UndatedEvent } from '../../lib/timeline-data';
import { appBaseUrl, downloadFile } from './download';
import { exportRecords, type ExportScope } from './export-records';
import { exportScope } from './export-scope';
import { toCsv } from './to-csv';
import { toIcs } from './to-ics';
import { toJson } from './to-json';

export interface ExportMenuProps {
  data: TimelineData;
  /** The filtered events, in timeline order. */
  events: readonly TimelineEvent[];
  /** The visible window (ms since the epoch). */
  window: { start: number; end: number };
  filter: EventFilter;
  /**
   * The filtered events in the window, and the filtered undated events: asked for only while the
   * menu is open (the shell computes them, as the timeline and the filters own that logic).
   */
  select: () => { inView: readonly TimelineEvent[]; undated: readonly UndatedEvent[] };
  /** False where no window is shown (the chronology): only "All events" is offered. */
  windowed?: boolean;
}

type Format = 'csv' | 'json' | 'ics';

const FORMATS: { format: Format; label: string; type: string }[] = [
  { format: 'csv', label: 'CSV', type: 'text/csv;charset=utf-8' },
  { format: 'json', label: 'JSON', type: 'application/json' },
  { format: 'ics', label: 'Calendar (.ics)', type: 'text/calendar;charset=utf-8' },
];

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/**
 * "Export": a disclosure with the choice of events (in view, or all; both with the current filter,
 * which each choice states) and one download button per format. Files are built on click, from the
 * same pure functions as `npm run export`.
 */
export function ExportMenu({
  data,
  events,
  window: view,
  filter,
  select,
  windowed = true,
}: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [chosenKind, setWhich] = useState<ExportScope['kind']>('view');
  const which = windowed ? chosenKind : 'all';
  const [status, setStatus] = useState('');
  const baseId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Computed only while the menu is open: with 50,000 events none of this runs on a filter click.
  const choices = useMemo(() => {
    if (!open) return null;
    const actors = new Map(data.actors.map((a) => [a.id, a]));
    const { inView, undated } = select();
    return {
      actors,
      view: { events: inView, undated: [], scope: exportScope('view', filter, actors, view) },
      all: { events, undated, scope: exportScope('all', filter, actors, null) },
    };
  }, [open, data, events, view, filter, select]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    // Handled here: the explorer's Escape (close the article panel) must not run as well.
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  const onDownload = (format: Format) => {
    if (!choices) return;
    const chosen = choices[which];
    const records = exportRecords(chosen.events, chosen.undated, {
      articles: new Map(data.articles.map((a) => [a.id, a])),
      actors: choices.actors,
      baseUrl: appBaseUrl(),
    });
    const name = `ties-${which === 'view' ? 'events-in-view' : 'all-events'}.${format}`;
    const content =
      format === 'csv'
        ? toCsv(records)
        : format === 'json'
          ? toJson(records, chosen.scope)
          : toIcs(records, {
              scope: chosen.scope,
              now: new Date(),
              uidHost: window.location.hostname,
            });
    downloadFile(name, content, FORMATS.find((f) => f.format === format)!.type);
    const count =
      format === 'ics'
        ? `${plural(chosen.events.length, 'dated event')}${chosen.undated.length > 0 ? `; ${chosen.undated.length} undated left out` : ''}`
        : `${plural(chosen.events.length, 'event')}${chosen.undated.length > 0 ? ` and ${chosen.undated.length} undated` : ''}`;
    setStatus(`Downloaded ${name}: ${count}.`);
  };

  return (
    <div className="export-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        className="tool"
        aria-expanded={open}
        aria-controls={`${baseId}-panel`}
        onClick={() => {
          setOpen((o) => !o);
          setStatus('');
        }}
      >
        Export
      </button>
      {open && choices ? (
        <div
          id={`${baseId}-panel`}
          className="export-panel"
          role="group"
          aria-label="Export events"
        >
          <fieldset>
            <legend>Which events</legend>
            {(windowed ? (['view', 'all'] as const) : (['all'] as const)).map((kind) => {
              const c = choices[kind];
              const count =
                plural(c.events.length, 'event') +
                (c.undated.length > 0 ? ` and ${c.undated.length} undated` : '');
              return (
                <label key={kind} className="export-choice">
                  <input
                    type="radio"
                    name={`${baseId}-which`}
                    value={kind}
                    checked={which === kind}
                    onChange={() => setWhich(kind)}
                    aria-describedby={`${baseId}-${kind}-desc`}
                  />
                  <span>
                    <strong>{kind === 'view' ? 'Events in view' : 'All events'}</strong>{' '}
                    <span id={`${baseId}-${kind}-desc`} className="muted">
                      {count}; {c.scope.detail}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <div className="export-formats" role="group" aria-label="Download as">
            {FORMATS.map((f) => (
              <button
                key={f.format}
                type="button"
                className="button"
                onClick={() => onDownload(f.format)}
              >
                Download {f.label}
              </button>
            ))}
          </div>
          <p className="muted export-note">
            Each event comes with its sources (headline, outlet, publication date, sentence) and its
            link. Calendars hold dated events only; a month or a year spans the whole period.
          </p>
        </div>
      ) : null}
      <span className="copy-status" role="status">
        {status}
      </span>
    </div>
  );
}
