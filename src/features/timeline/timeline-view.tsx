import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
// After vis-timeline's own sheet: the theme overrides it.
import './timeline.css';
import { DAY_MS } from '../../lib/partial-date';
import {
  capEventItems,
  diffItems,
  itemText,
  itemsNearWindow,
  type ItemSpec,
  type LaneSpec,
  type TimelineModel,
} from './timeline-items';

export interface TimeWindow {
  start: number;
  end: number;
}

/** Imperative access for user commands that must take effect at once (zoom buttons). */
export interface TimelineController {
  /** Moves the window now (animated unless reduced motion); the URL follows through props. */
  showWindow: (window: TimeWindow) => void;
}

export interface TimelineViewProps {
  controllerRef?: Ref<TimelineController>;
  model: TimelineModel;
  /** Ids of the events in navigation order (chronological). */
  order: readonly string[];
  selectedId: string | null;
  /** The window to show: from the URL, or the fitted default. */
  window: TimeWindow;
  reducedMotion: boolean;
  /** A pointer selected an event (or null when an empty area was clicked). */
  onSelect: (id: string, via: 'pointer' | 'keyboard') => void;
  /** The user zoomed or panned (byUser). */
  onUserWindowChange: (window: TimeWindow) => void;
  /** Any settled window change, to keep the event list in sync. */
  onWindowSettled: (window: TimeWindow) => void;
  /** Enter on the timeline with an event selected. */
  onOpen: () => void;
  label: string;
  describedBy?: string;
}

/**
 * At most this many events are handed to vis-timeline (evenly spread over the window and half a
 * window either side, the selection always among them), so that 1,000 or 50,000 events stay as
 * fast as 120. About half of them fall inside the window: at 1280x800 that fills the rows shown
 * before the timeline scrolls (about 25–30 labels), and vis-timeline stacks the rest below. Each
 * drawn item costs about 1 ms of the first frame. The view says how many it leaves out.
 */
export const MAX_DRAWN_EVENTS = 120;
/** Above this many items only those near the window are handed to vis-timeline, capped as above. */
export const LARGE_ITEM_COUNT = MAX_DRAWN_EVENTS;
const WINDOW_TOLERANCE_MS = DAY_MS + 1000;
const ANIMATION_MS = 450;
/** Diffs adding or updating more items than this are applied with the window parked. */
const PARK_ABOVE = 20;
/** A window inside `min`/`max` where no item can be (the data ends at the present). */
const PARKED_WINDOW = { start: new Date(2190, 0, 1), end: new Date(2191, 0, 1) };

interface VisItem {
  id: string;
  group?: string;
  type: ItemSpec['type'];
  start: Date;
  end?: Date;
  className: string;
  content: HTMLElement;
  selectable: boolean;
  /** Boxes start at their day; ranges keep their label in view when they start off-screen. */
  align: 'left' | 'auto';
}

interface VisGroup {
  id: string;
  content: HTMLElement;
  order: number;
  className: string;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Item content as DOM built with textContent: article text never becomes HTML. */
function itemContent(spec: ItemSpec): HTMLElement {
  const text = itemText(spec);
  const root = el('span', 'it');
  if (spec.eventId === null) {
    root.append(el('span', 'it-title', text.title), el('span', 'it-date', text.dateLabel));
    return root;
  }
  root.append(el('span', 'it-date', text.dateLabel));
  if (text.sourcesLabel) root.append(el('span', 'it-badge', text.sourcesLabel));
  root.append(el('span', 'it-title', text.title));
  return root;
}

function tooltipContent(spec: ItemSpec): HTMLElement {
  const root = el('div', 'tip');
  itemText(spec)
    .tooltip.split('\n')
    .forEach((line, i) => {
      root.append(el('div', i === 0 ? 'tip-title' : 'tip-line', line));
    });
  return root;
}

function toVisItem(spec: ItemSpec): VisItem {
  return {
    id: spec.id,
    ...(spec.group ? { group: spec.group } : {}),
    type: spec.type,
    start: new Date(spec.start),
    end: spec.end === undefined ? undefined : new Date(spec.end),
    className: spec.className,
    content: itemContent(spec),
    selectable: spec.eventId !== null,
    align: spec.type === 'box' ? 'left' : 'auto',
  };
}

function toVisGroup(lane: LaneSpec): VisGroup {
  return {
    id: lane.id,
    content: el('span', 'lane-label', lane.label),
    order: lane.order,
    className: `lane ${lane.className}`,
  };
}

/**
 * Draws at once. vis-timeline's public redraw() waits for the next animation frame; its internal
 * `_change` event (without `queue`) draws synchronously. Falls back to redraw() if that changes.
 */
function drawNow(timeline: Timeline): void {
  const emitter = (
    timeline as unknown as { body?: { emitter?: { emit?: (name: string) => void } } }
  ).body?.emitter;
  if (typeof emitter?.emit === 'function') emitter.emit('_change');
  else timeline.redraw();
}

function windowOf(timeline: Timeline): TimeWindow {
  const w = timeline.getWindow();
  return { start: w.start.getTime(), end: w.end.getTime() };
}

function closeEnough(a: TimeWindow, b: TimeWindow): boolean {
  return (
    Math.abs(a.start - b.start) <= WINDOW_TOLERANCE_MS &&
    Math.abs(a.end - b.end) <= WINDOW_TOLERANCE_MS
  );
}

interface AnimationTarget {
  window: TimeWindow;
  /** performance.now() after which the animation is over. */
  until: number;
}

/** Where to come back to after parking: the target of a running animation, else the window. */
function restoreWindowOf(timeline: Timeline, target: AnimationTarget | null): TimeWindow {
  if (target && performance.now() < target.until) return target.window;
  return windowOf(timeline);
}

/** Moves the window, animated unless reduced motion; remembers an animation's target. */
function moveWindow(
  timeline: Timeline,
  w: TimeWindow,
  reducedMotion: boolean,
  targetRef: { current: AnimationTarget | null },
): void {
  if (!reducedMotion) {
    targetRef.current = { window: w, until: performance.now() + ANIMATION_MS + 50 };
    timeline.setWindow(new Date(w.start), new Date(w.end), {
      animation: { duration: ANIMATION_MS, easingFunction: 'easeInOutQuad' },
    });
  } else {
    targetRef.current = null;
    timeline.setWindow(new Date(w.start), new Date(w.end), { animation: false });
    // Without animation, draw now rather than on vis-timeline's next frame.
    drawNow(timeline);
  }
}

/**
 * The one component that owns the vis-timeline instance: created once, updated through DataSet
 * diffs, destroyed on unmount. Its handlers are registered once and call the latest props through
 * a ref.
 */
export function TimelineView(props: TimelineViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<VisItem, 'id'> | null>(null);
  const groupsRef = useRef<DataSet<VisGroup, 'id'> | null>(null);
  const currentSpecsRef = useRef<Map<string, ItemSpec>>(new Map());
  const propsRef = useRef(props);
  const settledWindowRef = useRef<TimeWindow>(props.window);
  const [omitted, setOmitted] = useState(0);
  /** True while the window is parked outside the data (its range events are not the user's). */
  const parkingRef = useRef(false);
  const lanesRef = useRef<readonly LaneSpec[] | null>(null);
  const animationTargetRef = useRef<AnimationTarget | null>(null);

  useLayoutEffect(() => {
    propsRef.current = props;
  });

  // Pushes the wanted items into the DataSet as a diff (add/update/remove).
  const syncItemsRef = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    syncItemsRef.current = () => {
      const items = itemsRef.current;
      if (!items) return;
      const all = propsRef.current.model.items;
      let wanted: readonly ItemSpec[] = all;
      let left = 0;
      if (all.length > LARGE_ITEM_COUNT) {
        const capped = capEventItems(
          itemsNearWindow(all, settledWindowRef.current, 0.5),
          MAX_DRAWN_EVENTS,
          propsRef.current.selectedId,
        );
        wanted = capped.items;
        left = capped.omitted;
      }
      setOmitted(left);
      const diff = diffItems(currentSpecsRef.current, wanted);
      if (diff.remove.length + diff.update.length + diff.add.length === 0) return;
      // vis-timeline shows and measures each item on its own (a forced layout per item, over a
      // DOM that grows: quadratic) when items are added under a window that covers them. Parking
      // the window outside the data while the diff is applied lets the redraw on return measure
      // them all in one batch. All in one task: no frame ever sees the parked window.
      const timeline = timelineRef.current;
      const park = timeline !== null && diff.add.length + diff.update.length > PARK_ABOVE;
      const back = park ? restoreWindowOf(timeline, animationTargetRef.current) : null;
      if (park) {
        parkingRef.current = true;
        timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });
      }
      try {
        if (diff.remove.length > 0) items.remove(diff.remove);
        if (diff.update.length > 0) items.update(diff.update.map(toVisItem));
        if (diff.add.length > 0) items.add(diff.add.map(toVisItem));
      } finally {
        if (park && back) {
          timeline.setWindow(new Date(back.start), new Date(back.end), { animation: false });
          parkingRef.current = false;
        }
      }
      const next = new Map(currentSpecsRef.current);
      for (const id of diff.remove) next.delete(id);
      for (const spec of diff.update) next.set(spec.id, spec);
      for (const spec of diff.add) next.set(spec.id, spec);
      currentSpecsRef.current = next;
    };
  });

  // Create once, when the data is there, and draw the first frame in this same task: one batched
  // draw at the wanted window. The order matters (vis-timeline 8.5.4, pinned; measured with
  // `bench/ab.ts`, see ADR 0006):
  // - No `start`/`end` options: with them, vis-timeline keeps its root hidden until its first
  //   `rangechanged`. No items or lanes in the constructor either: each would cost a full redraw
  //   at vis-timeline's default window (about today).
  // - Lanes and items go in under the parked window, where no item is visible: items added under a
  //   window that covers them are each shown and measured on their own (a forced layout apiece).
  // - `initialItemSetDrawn` tells the item set that the lanes and items need not be drawn at once
  //   on arrival (its first-draw shortcut); `initialFitDone` stops vis-timeline from fitting all
  //   items on its first full redraw, which would override the window set here (a deep link's
  //   from/to, say). Both flags are internal: if an upgrade renames them, the first costs a
  //   redraw more and the second fails the deep-link browser test.
  // - Then the real window, and one synchronous draw, so that the frame after this task already
  //   shows the events (vis-timeline's own redraw waits for the next animation frame).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const items = new DataSet<VisItem, 'id'>();
    const groups = new DataSet<VisGroup, 'id'>(propsRef.current.model.lanes.map(toVisGroup));
    lanesRef.current = propsRef.current.model.lanes;
    itemsRef.current = items;
    groupsRef.current = groups;
    syncItemsRef.current();
    const initial = propsRef.current.window;
    const options: TimelineOptions = {
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      zoomMin: 7 * DAY_MS,
      zoomMax: 400 * 365 * DAY_MS,
      min: new Date(1800, 0, 1),
      max: new Date(2200, 0, 1),
      margin: { item: { horizontal: 0, vertical: 6 }, axis: 6 },
      groupOrder: 'order',
      align: 'auto',
      minHeight: 220,
      maxHeight: '70vh',
      verticalScroll: true,
      tooltip: {
        followMouse: false,
        overflowMethod: 'flip',
        delay: 250,
        // Built when an item is hovered, not for every item drawn. vis-timeline's popup takes an
        // element as well as a string (its types say string only).
        template: ((item: { id?: unknown }) => {
          const spec = currentSpecsRef.current.get(String(item.id));
          return spec ? tooltipContent(spec) : '';
        }) as unknown as NonNullable<TimelineOptions['tooltip']>['template'],
      },
      xss: { disabled: false },
      // vis-timeline's own resize watch forces a layout while it is constructed and then polls the
      // size every second; the ResizeObserver below redraws on size changes instead.
      autoResize: false,
    };
    const timeline = new Timeline(container, undefined as never, options);
    const internals = timeline as unknown as {
      initialFitDone?: boolean;
      itemSet?: { initialItemSetDrawn?: boolean };
    };
    internals.initialFitDone = true;
    if (internals.itemSet) internals.itemSet.initialItemSetDrawn = true;
    timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });
    timeline.setGroups(groups as never);
    timeline.setItems(items as never);
    timeline.setWindow(new Date(initial.start), new Date(initial.end), { animation: false });
    drawNow(timeline);
    const selected = propsRef.current.selectedId;
    if (selected) timeline.setSelection([selected]);
    timelineRef.current = timeline;

    // Redraw as soon as the drawn timeline changes size (window resize, lanes that grew into view:
    // until a redraw they stay culled), not for the first notice, which only reports the size just
    // drawn. vis-timeline's own watch (a poll once a second) is off: see `autoResize` above.
    let resizeFrame = 0;
    const visRoot = container.querySelector<HTMLElement>('.vis-timeline');
    const sizeOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      return `${Math.round(r.width)}x${Math.round(r.height)}`;
    };
    let drawnSize = visRoot ? sizeOf(visRoot) : '';
    const resizeObserver = new ResizeObserver((entries) => {
      const target = entries[0]?.target;
      if (!target) return;
      const size = sizeOf(target);
      if (size === drawnSize) return;
      drawnSize = size;
      cancelAnimationFrame(resizeFrame);
      resizeFrame = requestAnimationFrame(() => timeline.redraw());
    });
    if (visRoot) resizeObserver.observe(visRoot);

    timeline.on('select', (properties?: { items?: (string | number)[] }) => {
      const id = properties?.items?.[0];
      const p = propsRef.current;
      if (typeof id === 'string') {
        p.onSelect(id, 'pointer');
      } else {
        // Clicks on empty space or on context ranges keep the current selection.
        timeline.setSelection(p.selectedId ? [p.selectedId] : []);
      }
    });
    timeline.on('rangechanged', (properties?: { start: Date; end: Date; byUser: boolean }) => {
      if (!properties || parkingRef.current) return;
      const w = { start: properties.start.getTime(), end: properties.end.getTime() };
      settledWindowRef.current = w;
      if (propsRef.current.model.items.length > LARGE_ITEM_COUNT) syncItemsRef.current();
      if (properties.byUser) propsRef.current.onUserWindowChange(w);
      propsRef.current.onWindowSettled(w);
    });

    return () => {
      resizeObserver.disconnect();
      cancelAnimationFrame(resizeFrame);
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
      groupsRef.current = null;
      currentSpecsRef.current = new Map();
      lanesRef.current = null;
    };
  }, []);

  // Lanes.
  useEffect(() => {
    const groups = groupsRef.current;
    if (!groups || lanesRef.current === props.model.lanes) return;
    lanesRef.current = props.model.lanes;
    const wanted = new Set<string>(props.model.lanes.map((l) => l.id));
    const stale = groups.getIds().filter((id) => !wanted.has(String(id)));
    if (stale.length > 0) groups.remove(stale);
    groups.update(props.model.lanes.map(toVisGroup));
  }, [props.model.lanes]);

  // Items, as a diff.
  useEffect(() => {
    syncItemsRef.current();
    const timeline = timelineRef.current;
    const selected = propsRef.current.selectedId;
    if (timeline) timeline.setSelection(selected ? [selected] : []);
  }, [props.model.items]);

  // Selection (with many events, make sure the selected one is drawn).
  useEffect(() => {
    if (propsRef.current.model.items.length > LARGE_ITEM_COUNT) syncItemsRef.current();
    timelineRef.current?.setSelection(props.selectedId ? [props.selectedId] : []);
  }, [props.selectedId]);

  useImperativeHandle(
    props.controllerRef,
    () => ({
      showWindow: (w: TimeWindow) => {
        const timeline = timelineRef.current;
        if (!timeline || closeEnough(windowOf(timeline), w)) return;
        moveWindow(timeline, w, propsRef.current.reducedMotion, animationTargetRef);
      },
    }),
    [],
  );

  // Window: follow the wanted window unless the timeline already shows it.
  const { start: wantStart, end: wantEnd } = props.window;
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const want = { start: wantStart, end: wantEnd };
    if (closeEnough(windowOf(timeline), want)) return;
    moveWindow(timeline, want, propsRef.current.reducedMotion, animationTargetRef);
  }, [wantStart, wantEnd]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const { order, selectedId } = propsRef.current;
    if (order.length === 0) return;
    const index = selectedId ? order.indexOf(selectedId) : -1;
    let next: string | undefined;
    if (event.key === 'ArrowRight')
      next = order[index < 0 ? 0 : Math.min(index + 1, order.length - 1)];
    else if (event.key === 'ArrowLeft')
      next = order[index < 0 ? order.length - 1 : Math.max(index - 1, 0)];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      if (selectedId) {
        event.preventDefault();
        propsRef.current.onOpen();
      } else if (order[0]) {
        event.preventDefault();
        propsRef.current.onSelect(order[0], 'keyboard');
      }
      return;
    } else return;
    event.preventDefault();
    if (next && next !== selectedId) propsRef.current.onSelect(next, 'keyboard');
  };

  return (
    <div
      className="timeline-frame"
      tabIndex={0}
      role="group"
      aria-roledescription="timeline"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      aria-keyshortcuts="ArrowLeft ArrowRight Home End Enter Escape"
      onKeyDown={onKeyDown}
      data-testid="timeline"
    >
      <div ref={containerRef} className="timeline-canvas" />
      {omitted > 0 ? (
        <p className="timeline-sampled">
          {omitted.toLocaleString('en')} more events in this stretch are not drawn: zoom in to see
          them all.
        </p>
      ) : null}
    </div>
  );
}
