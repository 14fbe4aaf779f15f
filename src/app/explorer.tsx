import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArticlePanel } from '../features/articles/article-panel';
import { Chronology } from '../features/chronology/chronology';
import { usePrinting } from '../features/chronology/use-printing';
import { ViewSwitch } from '../features/chronology/view-switch';
import { CiteButton } from '../features/export/cite-button';
import { ExportMenu } from '../features/export/export-menu';
import { UndatedList } from '../features/timeline/undated-list';
import { FilterPanel, type FilterChange } from '../features/filters/filter-panel';
import { ContextList, type ContextItem } from '../features/overview/context-list';
import { Overview } from '../features/overview/overview';
import { bandLanes, firstStretch, yearBins } from '../features/overview/overview-math';
import { EventList, eventsInWindow } from '../features/timeline/event-list';
import {
  buildTimelineModel,
  findClusters,
  restrictModel,
  type Cluster,
} from '../features/timeline/timeline-items';
import { TimelineToolbar } from '../features/timeline/timeline-toolbar';
import {
  TimelineView,
  type TimelineController,
  type TimeWindow,
} from '../features/timeline/timeline-view';
import { eventDateLabel, eventInterval, sortEvents } from '../lib/event-dates';
import { periodEnd, periodStart } from '../lib/partial-date';
import { eventAliases, eventLookup, findEvent, hiddenEventNotices } from '../lib/event-ids';
import { actorEventCounts, filterEvents, isFilterActive } from '../lib/filter-events';
import { reconcileView } from './reconcile-view';
import { sourcesSummary } from '../lib/source-outlets';
import type { TimelineData } from '../lib/timeline-data';
import {
  effectiveViewMode,
  LIST_DEFAULT_BELOW_PX,
  type KnownIds,
  type ViewMode,
  type ViewState,
} from '../lib/url-search-params';
import { useElementWidth } from '../lib/use-element-width';
import { useMediaQuery, usePrefersReducedMotion } from '../lib/use-media-query';
import { useUrlViewState } from './use-url-view-state';
import {
  canvasWidth,
  extentOf,
  fitWindow,
  revealWindow,
  windowFromDays,
  windowToDays,
  zoomWindow,
} from '../features/timeline/window-math';
import { Notices, type Notice } from './notices';
import { SiteHeader } from './site-header';
import { useRelationshipTheme } from './use-relationship-theme';
import { EmbedBar } from './embed-bar';

let noticeSeq = 0;

export function Explorer({ data }: { data: TimelineData }) {
  const reducedMotion = usePrefersReducedMotion();
  const [notices, setNotices] = useState<Notice[]>([]);
  const addNotices = useCallback((texts: string[]) => {
    setNotices((prev) =>
      [
        ...prev.filter((n) => !texts.includes(n.text)),
        ...texts.map((text) => ({ id: (noticeSeq += 1), text })),
      ].slice(-5),
    );
  }, []);
  const dismissNotice = useCallback((id: number) => {
    setNotices((prev) => prev.filter((n) => n.id !== id));
  }, []);

  const known: KnownIds = useMemo(
    () => ({
      eventIds: new Set(data.events.map((e) => e.id)),
      eventAliases: eventAliases(data.events),
      hiddenEvents: hiddenEventNotices(data.hidden),
      actorIds: new Set(data.actors.map((a) => a.id)),
    }),
    [data],
  );
  const reconcile = useCallback((s: ViewState) => reconcileView(s, data.events), [data]);
  const { view, commit, latest } = useUrlViewState(known, reconcile, addNotices);
  // Timeline or chronology: the link's choice, else the chronology on narrow screens.
  const narrow = useMediaQuery(`(max-width: ${LIST_DEFAULT_BELOW_PX - 0.02}px)`);
  const mode = effectiveViewMode(view.view, narrow);
  const printing = usePrinting();

  // Derived data.
  const sortedAll = useMemo(() => sortEvents(data.events), [data]);
  // Recomputed only when the filter changes (not on every zoom or selection).
  const leadersKey = view.leaders.join(',');
  const visibleEvents = useMemo(
    () =>
      filterEvents(sortedAll, {
        leaders: leadersKey ? leadersKey.split(',') : [],
        match: view.match,
        q: view.q,
      }),
    [sortedAll, leadersKey, view.match, view.q],
  );
  const visibleUndated = useMemo(
    () =>
      filterEvents(data.undated, {
        leaders: leadersKey ? leadersKey.split(',') : [],
        match: view.match,
        q: view.q,
      }),
    [data, leadersKey, view.match, view.q],
  );
  const order = useMemo(() => visibleEvents.map((e) => e.id), [visibleEvents]);
  const counts = useMemo(() => actorEventCounts(data.events, view.q), [data, view.q]);
  const allCounts = useMemo(() => actorEventCounts(data.events, ''), [data]);
  // Open-ended terms of office are drawn up to the time the page was opened.
  const [now] = useState(() => Date.now());
  const openEnd = useMemo(() => {
    const ext = extentOf(data.events.map(eventInterval));
    return Math.max(now, ext?.end ?? 0);
  }, [data, now]);
  // Items for every event are built once per data set; a filter only picks among them.
  const articles = useMemo(() => new Map(data.articles.map((a) => [a.id, a])), [data]);
  const fullModel = useMemo(
    () =>
      buildTimelineModel(
        sortedAll,
        data.contexts,
        data.actors,
        data.relationship,
        openEnd,
        articles,
      ),
    [sortedAll, data, openEnd, articles],
  );
  const model = useMemo(
    () =>
      restrictModel(fullModel, visibleEvents.length === sortedAll.length ? null : new Set(order)),
    [fullModel, visibleEvents, sortedAll, order],
  );
  const clusters = useMemo(() => findClusters(visibleEvents), [visibleEvents]);
  const actors = useMemo(() => new Map(data.actors.map((a) => [a.id, a])), [data]);
  // Under aliases too: a passage may name an event by an id it was published under before.
  const eventTitles = useMemo(
    () => new Map([...eventLookup(data.events)].map(([id, e]) => [id, e.title])),
    [data],
  );
  const selected = findEvent(data.events, view.event) ?? null;
  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data]);
  const undatedById = useMemo(() => new Map(data.undated.map((e) => [e.id, e])), [data]);
  useRelationshipTheme(data.relationship);

  // Window: the URL's days, or the first view chosen from the (filtered) events: their most recent
  // stretch, fitted to the timeline's width (ADR 0015). "Fit all" fits every one of them.
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const shownSpans = useMemo(
    () => (visibleEvents.length > 0 ? visibleEvents : data.events).map(eventInterval),
    [visibleEvents, data],
  );
  const fitted = useMemo(() => {
    const stretch = firstStretch(shownSpans) ?? {
      start: new Date(1900, 0, 1).getTime(),
      end: new Date(2030, 0, 1).getTime(),
    };
    const first = fitWindow(stretch, canvasWidth(width || 900));
    // A link to an event outside that stretch opens on the event.
    return selected ? revealWindow(first, eventInterval(selected)) : first;
  }, [shownSpans, width, selected]);
  const fittedAll = useMemo(() => {
    const ext = extentOf(shownSpans) ?? fitted;
    return fitWindow(ext, canvasWidth(width || 900));
  }, [shownSpans, fitted, width]);
  // The overview strip: per-year counts of every event, eras and terms as bands.
  const overview = useMemo(() => {
    const bins = yearBins(data.events.map(eventInterval));
    if (!bins) return null;
    const countryOf = new Map(data.actors.map((a) => [a.id, a.country]));
    const { bands, lanes } = bandLanes(
      data.contexts.map((c) => ({
        id: c.id,
        title: c.title,
        kind: c.kind,
        start: periodStart(c.start).getTime(),
        end: c.end ? periodEnd(c.end).getTime() : openEnd,
        group: c.actorId ? countryOf.get(c.actorId) : undefined,
      })),
      {
        start: new Date(bins.firstYear, 0, 1).getTime(),
        end: new Date(bins.lastYear + 1, 0, 1).getTime(),
      },
    );
    return { bins, bands, lanes };
  }, [data, openEnd]);
  // The same eras and terms as a list: each one's stretch and its source (counts on demand).
  const contextItems = useMemo<ContextItem[]>(
    () =>
      data.contexts.map((c) => {
        const start = periodStart(c.start).getTime();
        const end = c.end ? periodEnd(c.end).getTime() : openEnd;
        const url = /^https?:\/\//.test(c.source) ? c.source : null;
        return {
          id: c.id,
          title: c.title,
          kind: c.kind,
          startLabel: c.start,
          endLabel: c.end,
          span: { start, end },
          source: url
            ? { label: new URL(url).hostname, href: url }
            : { label: articles.get(c.source)?.title ?? c.source, href: null },
        };
      }),
    [data, openEnd, articles],
  );
  const countIn = useCallback(
    (span: { start: number; end: number }) =>
      visibleEvents.filter((e) => {
        const i = eventInterval(e);
        return i.start < span.end && i.end >= span.start;
      }).length,
    [visibleEvents],
  );
  const wanted = useMemo(
    () => windowFromDays(view.from, view.to, fitted),
    [view.from, view.to, fitted],
  );
  const fittedRef = useRef(fitted);
  useEffect(() => {
    fittedRef.current = fitted;
  }, [fitted]);
  const [settled, setSettled] = useState<TimeWindow>(wanted);
  // What the Export menu offers, computed only when it opens.
  const selectForExport = useCallback(
    () => ({
      inView: eventsInWindow(visibleEvents, settled),
      undated: filterEvents(data.undated, view),
    }),
    [visibleEvents, settled, data, view],
  );

  // Focus management: where to return when the panel closes.
  const openerRef = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const timelineFrame = () =>
    frameRef.current?.querySelector<HTMLElement>('.timeline-frame') ?? null;
  // Focus moves after the render that shows (or hides) the panel.
  const focusRequestRef = useRef<'panel' | 'opener' | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const setFocusRequest = useCallback((request: 'panel' | 'opener') => {
    focusRequestRef.current = request;
    setFocusTick((t) => t + 1);
  }, []);
  useEffect(() => {
    const request = focusRequestRef.current;
    focusRequestRef.current = null;
    if (request === 'panel') headingRef.current?.focus();
    if (request === 'opener') {
      const target = openerRef.current?.isConnected ? openerRef.current : timelineFrame();
      target?.focus();
    }
  }, [focusTick]);

  const select = useCallback(
    (id: string, options: { moveWindow?: boolean; focusPanel?: boolean } = {}) => {
      const current = latest();
      const event = findEvent(data.events, id);
      let next: ViewState = { ...current, event: event?.id ?? id };
      if (event && filterEvents([event], current).length === 0) {
        next = { ...next, leaders: [], match: 'any', q: '' };
        addNotices([`The filter was cleared to show “${event.title}”.`]);
      }
      if (options.moveWindow && event) {
        // Where the timeline is heading (the URL's window), not where an animation has got to:
        // quick key presses must each see the window the previous one asked for.
        const heading = windowFromDays(current.from, current.to, fittedRef.current);
        const target = revealWindow(heading, eventInterval(event));
        if (target !== heading) next = { ...next, ...windowToDays(target) };
      }
      commit(next, 'push');
      if (options.focusPanel) setFocusRequest('panel');
    },
    [latest, commit, data, addNotices, setFocusRequest],
  );
  const selectFromList = useCallback(
    (id: string, opener: HTMLElement) => {
      openerRef.current = opener;
      select(id, { focusPanel: true });
    },
    [select],
  );
  const filterActive = isFilterActive(view);
  const selectFromHeader = useCallback(
    (id: string, opener: HTMLElement) => {
      openerRef.current = opener;
      select(id, { moveWindow: true, focusPanel: true });
    },
    [select],
  );
  const close = useCallback(() => {
    commit({ ...latest(), event: null }, 'push');
    setFocusRequest('opener');
  }, [commit, latest, setFocusRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !latest().event || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input[type="search"]')) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close, latest]);

  const onFilterChange = useCallback(
    ({ history, ...change }: FilterChange) => commit({ ...latest(), ...change }, history ?? 'push'),
    [commit, latest],
  );
  const controllerRef = useRef<TimelineController>(null);
  const setWindow = useCallback(
    (w: TimeWindow | null) => {
      // Move the timeline at once, then record the window in the URL (which it already shows).
      controllerRef.current?.showWindow(w ?? fittedRef.current);
      const current = latest();
      commit(
        w ? { ...current, ...windowToDays(w) } : { ...current, from: null, to: null },
        'replace',
      );
    },
    [commit, latest],
  );

  const setMode = useCallback(
    (next: ViewMode) => {
      // The link names the mode only when it is not this screen's default.
      const current = latest();
      commit({ ...current, view: next === effectiveViewMode(null, narrow) ? null : next }, 'push');
    },
    [commit, latest, narrow],
  );
  const filterNote = filterActive
    ? [
        view.leaders.length > 0
          ? `${view.match === 'all' ? 'all of' : 'any of'} ${view.leaders
              .map((id) => actors.get(id)?.name ?? id)
              .join(', ')}`
          : null,
        view.q ? `the search “${view.q}”` : null,
      ]
        .filter((part) => part !== null)
        .join(' and ')
    : null;

  const announcement = selected
    ? `Selected: ${selected.title}, ${eventDateLabel(selected)}, ${sourcesSummary(selected.sources, articles)}`
    : '';

  return (
    <div className={`app${selected ? ' has-panel' : ''}${view.embed ? ' embed' : ''}`}>
      <a
        className="skip-link"
        href="#timeline-section"
        onClick={(e) => {
          // Focus the timeline itself without adding a #fragment to the shareable URL.
          e.preventDefault();
          if (mode === 'list') document.getElementById('chronology-heading')?.focus();
          else timelineFrame()?.focus();
        }}
      >
        {mode === 'list' ? 'Skip to the chronology' : 'Skip to the timeline'}
      </a>
      {view.embed ? (
        <EmbedBar view={view} />
      ) : (
        <SiteHeader
          title={data.relationship.title}
          eventCount={data.events.length}
          articles={data.articles}
          events={eventsById}
          undated={undatedById}
          onSelectEvent={selectFromHeader}
        />
      )}
      <Notices notices={notices} onDismiss={dismissNotice} />
      <main className="workspace">
        <div className="main-col">
          <FilterPanel
            actors={data.actors}
            relationship={data.relationship}
            counts={counts}
            allCounts={allCounts}
            leaders={view.leaders}
            match={view.match}
            q={view.q}
            shown={visibleEvents.length}
            total={data.events.length}
            onChange={onFilterChange}
          />
          <div className="view-bar">
            <ViewSwitch mode={mode} onChange={setMode} />
            {mode === 'list' ? (
              <ExportMenu
                data={data}
                events={visibleEvents}
                window={settled}
                filter={view}
                select={selectForExport}
                windowed={false}
              />
            ) : null}
          </div>
          <section
            id="timeline-section"
            className="timeline-card"
            hidden={mode !== 'timeline'}
            aria-labelledby="timeline-heading"
            tabIndex={-1}
          >
            <div className="timeline-card-head">
              <h2 id="timeline-heading" className="section-title">
                Timeline{' '}
                {filterActive ? (
                  <span className="count">
                    {visibleEvents.length} of {data.events.length}
                  </span>
                ) : null}
              </h2>
              <TimelineToolbar
                clusters={clusters}
                onFit={() => setWindow(fittedAll)}
                onZoom={(factor) => {
                  const { from, to } = latest();
                  setWindow(zoomWindow(windowFromDays(from, to, fittedRef.current), factor));
                }}
                onJump={(c: Cluster) => setWindow(fitWindow(c, canvasWidth(width || 900)))}
              />
              <ExportMenu
                data={data}
                events={visibleEvents}
                window={settled}
                filter={view}
                select={selectForExport}
              />
            </div>
            <p id="timeline-help" className="sr-only">
              Use the left and right arrow keys to move between events, Enter to read the selected
              event’s articles and Escape to close them. The list of events in view follows the
              timeline.
            </p>
            {overview ? (
              <Overview
                bins={overview.bins}
                bands={overview.bands}
                lanes={overview.lanes}
                window={wanted}
                onWindow={setWindow}
                onLatest={() => setWindow(null)}
              />
            ) : null}
            <ContextList items={contextItems} onShow={setWindow} countIn={countIn} />
            <div ref={frameRef} className="timeline-holder">
              {/* Created once the holder's width is known, so its first window is the right one. */}
              {width > 0 ? (
                <TimelineView
                  controllerRef={controllerRef}
                  model={model}
                  order={order}
                  selectedId={view.event}
                  window={wanted}
                  reducedMotion={reducedMotion}
                  label="Timeline of events"
                  describedBy="timeline-help"
                  onSelect={(id, via) => {
                    openerRef.current = timelineFrame();
                    select(id, { moveWindow: via === 'keyboard' });
                  }}
                  onUserWindowChange={setWindow}
                  onWindowSettled={setSettled}
                  onOpen={() => setFocusRequest('panel')}
                />
              ) : null}
            </div>
            <Legend />
          </section>
          {mode === 'timeline' ? (
            <>
              <EventList
                events={visibleEvents}
                window={settled}
                selectedId={view.event}
                onSelect={selectFromList}
                articles={articles}
              />
              <UndatedList undated={data.undated} articles={articles} actors={actors} />
            </>
          ) : null}
          {mode === 'list' || printing ? (
            <Chronology
              events={visibleEvents}
              undated={visibleUndated}
              total={data.events.length + data.undated.length}
              actors={actors}
              articles={articles}
              selectedId={view.event}
              onSelect={selectFromList}
              printing={printing}
              filterNote={filterNote}
            />
          ) : null}
        </div>
        {selected ? (
          <ArticlePanel
            event={selected}
            articles={articles}
            actors={actors}
            eventTitles={eventTitles}
            onSelectEvent={(id) => select(id, { moveWindow: true, focusPanel: true })}
            onClose={close}
            headingRef={headingRef}
            actions={<CiteButton event={selected} articles={articles} actors={actors} />}
          />
        ) : null}
      </main>
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="How to read the timeline">
      <li>
        <span className="swatch sw-day" aria-hidden="true" /> Exact day
      </li>
      <li>
        <span className="swatch sw-month" aria-hidden="true" /> Month or year only
      </li>
      <li>
        <span className="swatch sw-bounded" aria-hidden="true" /> Happened sometime in this span
      </li>
      <li>
        <span className="swatch sw-range" aria-hidden="true" /> Lasted this long
      </li>
      <li>
        <span className="swatch sw-context" aria-hidden="true" /> Context (terms of office, eras),
        not an article event
      </li>
    </ul>
  );
}
