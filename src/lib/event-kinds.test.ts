import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EVENT_KIND_IDS, isEventKind, kindLabel } from './event-kinds';

const css = readFileSync(resolve(import.meta.dirname, '../styles/event-kinds.css'), 'utf8');

describe('event kinds', () => {
  it('have unique ids and labels', () => {
    expect(new Set(EVENT_KIND_IDS).size).toBe(EVENT_KINDS.length);
    expect(new Set(EVENT_KINDS.map((k) => k.label)).size).toBe(EVENT_KINDS.length);
  });

  it('name each kind and know only the shared list', () => {
    expect(kindLabel('meeting')).toBe('Meeting or talks');
    expect(kindLabel('period')).toBe('Period or era');
    for (const id of EVENT_KIND_IDS) expect(isEventKind(id)).toBe(true);
    for (const old of ['talks', 'inauguration', 'impeachment', 'martial-law', 'colonial-rule']) {
      expect(isEventKind(old)).toBe(false);
    }
    expect(isEventKind(undefined)).toBe(false);
  });

  it('each have their colour in the stylesheet, and the stylesheet names no other kind', () => {
    for (const { id, color } of EVENT_KINDS) {
      expect(css, `the rule for ${id}`).toContain(
        `.kind-${id},\n.ev-kind-${id} {\n  --kind: ${color};\n}`,
      );
    }
    const named = new Set([...css.matchAll(/\.(?:ev-)?kind-([a-z-]+)/g)].map((m) => m[1]));
    expect([...named].filter((id) => !isEventKind(id))).toEqual([]);
  });
});
