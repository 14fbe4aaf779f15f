import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixture';
import { periodEnd, periodStart } from '../../lib/partial-date';
import {
  buildTimelineModel,
  capEventItems,
  diffItems,
  findClusters,
  itemText,
  itemsNearWindow,
  laneForEvent,
  lanesOf,
  restrictModel,
  sidesOf,
  type ItemSpec,
} from './timeline-items';
import type { Relationship } from '../../lib/relationship';

const data = loadFixture();
const openEnd = new Date(2026, 0, 1).getTime();
const rel = data.relationship;
const model = buildTimelineModel(data.events, data.contexts, data.actors, rel, openEnd);
const item = (id: string) => {
  const found = model.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('buildTimelineModel', () => {
  it('makes one item per event and one per context range', () => {
    expect(model.items.filter((i) => i.eventId !== null)).toHaveLength(data.events.length);
    expect(model.items.filter((i) => i.eventId === null)).toHaveLength(data.contexts.length);
  });

  it('draws a day-precision point as a box on its day', () => {
    const g7 = item('2025-06-17-lee-ishiba-meeting');
    expect(g7.type).toBe('box');
    expect(g7.start).toBe(periodStart('2025-06-17').getTime());
    expect(g7.end).toBeUndefined();
    expect(itemText(g7).dateLabel).toBe('17 Jun 2025');
  });

  it('shows the source count when there are several', () => {
    expect(itemText(item('2025-06-17-lee-ishiba-meeting')).sourcesLabel).toBe('2 sources');
    expect(itemText(item('martial-law-2024-12')).sourcesLabel).toBeNull();
  });

  it('names the outlets of the sources in the tooltip when the articles are given', () => {
    // Fresh event objects: texts are cached per event.
    const events = data.events.map((e) => ({ ...e }));
    const articles = new Map(data.articles.map((a) => [a.id, a]));
    const withOutlets = buildTimelineModel(
      events,
      [],
      data.actors,
      data.relationship,
      openEnd,
      articles,
    );
    const g7 = withOutlets.items.find((i) => i.id === '2025-06-17-lee-ishiba-meeting')!;
    const outlets = g7.event!.sources.map(
      (s) => articles.get(s.articleId)?.source ?? 'outlet not stated',
    );
    expect(outlets).toContain('outlet not stated');
    expect(itemText(g7).tooltip.split('\n')).toContain(`2 sources: ${outlets.join(', ')}`);
  });

  it('draws a month-precision event over its whole month, labelled with the month', () => {
    const ml = item('martial-law-2024-12');
    expect(ml.type).toBe('range');
    expect(ml.start).toBe(periodStart('2024-12').getTime());
    expect(ml.end).toBe(periodEnd('2024-12').getTime());
    expect(itemText(ml).dateLabel).toBe('Dec 2024');
    expect(ml.className).toContain('ev-prec-month');
    expect(itemText(ml).tooltip).toContain('known to the month only');
  });

  it('draws a bounded event as an uncertain span between its bounds', () => {
    const imp = item('yoon-impeached');
    expect(imp.type).toBe('range');
    expect(imp.className).toContain('ev-bounded');
    expect(imp.start).toBe(periodStart('2024-12').getTime());
    expect(imp.end).toBe(periodEnd('2025-06-04').getTime());
    expect(itemText(imp).tooltip).toContain('Between Dec 2024 and 4 Jun 2025');
  });

  it('draws a range as a range over whole years', () => {
    const col = item('colonial-rule-1910-1945');
    expect(col.type).toBe('range');
    expect(col.className).toContain('ev-range');
    expect(col.start).toBe(periodStart('1910').getTime());
    expect(col.end).toBe(periodEnd('1945').getTime());
    expect(itemText(col).dateLabel).toBe('1910 – 1945');
  });

  it('draws eras as background across lanes and terms in their own lanes', () => {
    const era = item('ctx:era-colonial-rule');
    expect(era.type).toBe('background');
    expect(era.group).toBeNull();
    const lee = item('ctx:term-lee-jae-myung-0');
    expect(lee.group).toBe('terms:south-korea');
    expect(lee.end).toBe(openEnd);
    expect(itemText(lee).tooltip).toContain('no end date');
    expect(item('ctx:term-shigeru-ishiba-0').group).toBe('terms:japan');
    expect(lee.className).toContain('ctx-party-a');
  });

  it('puts events in lanes by the countries of their actors', () => {
    const sides = sidesOf(rel, data.actors);
    const lane = (id: string) =>
      laneForEvent(
        data.events.find((e) => e.id === id)!,
        sides,
        rel,
      );
    expect(lane('2025-06-17-lee-ishiba-meeting')).toBe('pair');
    expect(lane('martial-law-2024-12')).toBe('party:south-korea');
    expect(lane('lee-carney-talks')).toBe('international');
    expect(lane('colonial-rule-1910-1945')).toBe('pair');
    expect(model.lanes.map((l) => l.id)).not.toContain('party:japan');
  });

  it('labels the lanes from the relationship', () => {
    expect(lanesOf(rel).map((l) => l.label)).toEqual([
      'In office · Korea',
      'In office · Japan',
      'In office · others',
      'Korea–Japan',
      'South Korea',
      'Japan',
      'With other countries',
    ]);
  });

  it('puts an actor in a party lane only when its country is that party exactly', () => {
    const martial = data.events.find((e) => e.id === 'martial-law-2024-12')!;
    const leader = { ...data.actors[0]!, id: 'leader' };
    const laneOf = (country: string) =>
      laneForEvent({ ...martial, actors: ['leader'] }, sidesOf(rel, [{ ...leader, country }]), rel);
    expect(laneOf('North Korea')).toBe('international');
    expect(laneOf('Korea, Democratic People’s Republic of')).toBe('international');
    expect(laneOf('South Korean')).toBe('international');
    expect(laneOf('South Korea')).toBe('party:south-korea');
    expect(laneOf('republic of korea')).toBe('party:south-korea');
    expect(laneOf('japan')).toBe('party:japan');
  });

  it('builds lanes and labels for any other pair', () => {
    const [a, b] = rel.parties;
    const other: Relationship = {
      ...rel,
      title: 'Chile–Peru relations',
      parties: [
        { ...a, id: 'chile', name: 'Chile', shortName: 'Chile', aliases: [] },
        { ...b, id: 'peru', name: 'Peru', shortName: 'Peru', aliases: [] },
      ],
      lanes: { ...rel.lanes, pair: 'Chile–Peru' },
    };
    const actors = [
      { ...data.actors[0]!, id: 'c', country: 'Chile' },
      { ...data.actors[0]!, id: 'p', country: 'Peru' },
      { ...data.actors[0]!, id: 'k', country: 'South Korea' },
    ];
    const event = data.events.find((e) => e.id === 'martial-law-2024-12')!;
    const m = buildTimelineModel(
      [
        { ...event, id: 'e1', actors: ['c'] },
        { ...event, id: 'e2', actors: ['c', 'p'] },
        { ...event, id: 'e3', actors: ['k'] },
      ],
      [],
      actors,
      other,
      openEnd,
    );
    expect(m.items.map((i) => i.group)).toEqual(['party:chile', 'pair', 'international']);
    expect(m.lanes.map((l) => l.label)).toEqual(['Chile–Peru', 'Chile', 'With other countries']);
  });

  it('puts periods and relations in the Korea–Japan lane whoever their actors are', () => {
    const sides = sidesOf(rel, data.actors);
    const koreaOnly = data.events.find((e) => e.id === 'martial-law-2024-12')!;
    expect(koreaOnly.kind).toBe('measure');
    expect(laneForEvent(koreaOnly, sides, rel)).toBe('party:south-korea');
    expect(laneForEvent({ ...koreaOnly, kind: 'period' }, sides, rel)).toBe('pair');
    expect(laneForEvent({ ...koreaOnly, kind: 'relations' }, sides, rel)).toBe('pair');
    expect(laneForEvent({ ...koreaOnly, kind: 'election' }, sides, rel)).toBe('party:south-korea');
    expect(item('colonial-rule-1910-1945').className).toContain('ev-kind-period');
    expect(item('lee-carney-talks').className).toContain('ev-kind-meeting');
  });

  it('never puts markup in the tooltip as anything but text', () => {
    const evil = {
      ...data.events[0]!,
      id: 'evil',
      title: '<img src=x onerror=alert(1)>',
    };
    const m = buildTimelineModel([evil], [], data.actors, rel, openEnd);
    expect(itemText(m.items[0]!).title).toBe('<img src=x onerror=alert(1)>');
    expect(itemText(m.items[0]!).tooltip.split('\n')[0]).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('restrictModel', () => {
  it('keeps the chosen events, every context item and only the lanes in use', () => {
    const keep = data.events[0]!;
    const restricted = restrictModel(model, new Set([keep.id]));
    const events = restricted.items.filter((i) => i.eventId !== null);
    expect(events.map((i) => i.id)).toEqual([keep.id]);
    expect(events[0]).toBe(item(keep.id));
    expect(restricted.items.filter((i) => i.eventId === null)).toHaveLength(
      model.items.filter((i) => i.eventId === null).length,
    );
    const used = new Set(restricted.items.map((i) => i.group).filter((g) => g !== null));
    expect(restricted.lanes.map((l) => l.id).sort()).toEqual([...used].sort());
  });

  it('gives the same model back without a filter, and no events for an empty one', () => {
    expect(restrictModel(model, null)).toBe(model);
    expect(restrictModel(model, new Set()).items.every((i) => i.eventId === null)).toBe(true);
  });
});

describe('diffItems', () => {
  const a = model.items.slice(0, 4);
  const current = new Map<string, ItemSpec>(a.map((i) => [i.id, i]));

  it('is empty when nothing changed', () => {
    expect(diffItems(current, a)).toEqual({ add: [], update: [], remove: [] });
  });

  it('adds, updates and removes exactly what changed', () => {
    const changed = { ...a[1]!, className: `${a[1]!.className} extra` };
    const added = model.items[5]!;
    const next = [a[0]!, changed, a[3]!, added];
    const diff = diffItems(current, next);
    expect(diff.add.map((i) => i.id)).toEqual([added.id]);
    expect(diff.update.map((i) => i.id)).toEqual([changed.id]);
    expect(diff.remove).toEqual([a[2]!.id]);
  });

  it('updates an event whose text changed, and only that one', () => {
    const event = data.events.find((e) => e.id === a[0]!.id)!;
    const renamed = buildTimelineModel(
      [{ ...event, title: 'A new title' }],
      [],
      data.actors,
      rel,
      openEnd,
    ).items[0]!;
    const same = buildTimelineModel([event], [], data.actors, rel, openEnd).items[0]!;
    expect(diffItems(current, [renamed, a[1]!, a[2]!, a[3]!]).update).toEqual([renamed]);
    expect(diffItems(current, [same, a[1]!, a[2]!, a[3]!]).update).toEqual([]);
    expect(itemText(renamed).title).toBe('A new title');
    expect(itemText(renamed).tooltip.split('\n')[0]).toBe('A new title');
  });
});

describe('itemsNearWindow', () => {
  it('keeps events near the window and all context', () => {
    const w = {
      start: periodStart('2025-06-01').getTime(),
      end: periodStart('2025-07-01').getTime(),
    };
    const near = itemsNearWindow(model.items, w);
    expect(near.some((i) => i.id === '2025-06-17-lee-ishiba-meeting')).toBe(true);
    expect(near.some((i) => i.id === 'martial-law-2024-12')).toBe(false);
    expect(near.filter((i) => i.eventId === null)).toHaveLength(data.contexts.length);
  });
});

describe('findClusters', () => {
  it('separates the colonial era from the recent cluster', () => {
    const clusters = findClusters(data.events);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]!.label).toBe('1910–1945 (1 event)');
    expect(clusters[1]!.count).toBe(data.events.length - 1);
    expect(clusters[1]!.label).toMatch(/^2022–2025 \(\d+ events\)$/);
  });

  it('is empty without events', () => {
    expect(findClusters([])).toEqual([]);
  });
});

describe('capEventItems', () => {
  const many: ItemSpec[] = Array.from({ length: 100 }, (_, k) => ({
    ...model.items[0]!,
    id: `e${k}`,
    eventId: `e${k}`,
    start: k,
  }));
  const context = model.items.filter((i) => i.eventId === null);

  it('keeps everything under the cap', () => {
    expect(capEventItems([...many, ...context], 200, null)).toEqual({
      items: [...many, ...context],
      omitted: 0,
    });
  });

  it('keeps an even spread, the selection and all context, and counts what it left out', () => {
    const { items, omitted } = capEventItems([...many, ...context], 10, 'e55');
    const events = items.filter((i) => i.eventId !== null);
    expect(events.map((e) => e.id)).toContain('e55');
    expect(events.map((e) => e.id)).toContain('e0');
    expect(events.map((e) => e.id)).toContain('e90');
    expect(events).toHaveLength(11);
    expect(omitted).toBe(89);
    expect(items.filter((i) => i.eventId === null)).toHaveLength(context.length);
  });
});
