import type { HiddenEvent, TimelineEvent } from './timeline-data';

/**
 * An event opens under its own id and under each of its `aliases` (ids it was, or could have been,
 * published under), so that old links keep working. An event's own id always wins over another
 * event's alias; when two events list the same alias, the first one listed keeps it.
 */

const lookups = new WeakMap<readonly TimelineEvent[], ReadonlyMap<string, TimelineEvent>>();

/** Every id and alias of the events, to the event it opens (cached per events array). */
export function eventLookup(events: readonly TimelineEvent[]): ReadonlyMap<string, TimelineEvent> {
  const cached = lookups.get(events);
  if (cached) return cached;
  const byId = new Map<string, TimelineEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  for (const event of events) {
    for (const alias of event.aliases ?? []) if (!byId.has(alias)) byId.set(alias, event);
  }
  lookups.set(events, byId);
  return byId;
}

/** The event an id or an alias opens, or undefined. */
export function findEvent(
  events: readonly TimelineEvent[],
  id: string | null,
): TimelineEvent | undefined {
  return id === null ? undefined : eventLookup(events).get(id);
}

/** Alias → the primary id of the event it opens (aliases that are some event's own id left out). */
export function eventAliases(events: readonly TimelineEvent[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [id, event] of eventLookup(events)) if (id !== event.id) aliases.set(id, event.id);
  return aliases;
}

/**
 * Id or alias of an event an editor hid → what a link to it says instead of "no such event":
 * that it was hidden, and the editor's note.
 */
export function hiddenEventNotices(hidden: readonly HiddenEvent[] = []): Map<string, string> {
  const notices = new Map<string, string>();
  for (const h of hidden) {
    const text = `“${h.title}” was hidden by an editor: ${h.note}`;
    for (const id of [h.id, ...(h.aliases ?? [])]) if (!notices.has(id)) notices.set(id, text);
  }
  return notices;
}
