/**
 * The one list of event kinds, shared by the ingest (classification) and the app (labels, colours,
 * filters). Modelled loosely on the PLOVER/CAMEO event-coding schemes used in political science,
 * widened to what news timelines report (rulings, laws, disasters, deaths, periods). A kind is for
 * display and filtering, never a gate: anything that happened at a stated time is an event, and what
 * fits no kind is `other`.
 */
export const EVENT_KINDS = [
  { id: 'meeting', label: 'Meeting or talks', plover: 'CONSULT', color: '#2563eb' },
  { id: 'visit', label: 'Visit', plover: 'CONSULT', color: '#0891b2' },
  { id: 'agreement', label: 'Agreement or treaty', plover: 'AGREE', color: '#059669' },
  { id: 'statement', label: 'Statement', plover: 'ACCUSE / SUPPORT (verbal)', color: '#6b7280' },
  { id: 'apology', label: 'Apology', plover: 'CONCEDE', color: '#a16207' },
  {
    id: 'criticism',
    label: 'Criticism or demand',
    plover: 'DISAPPROVE / DEMAND',
    color: '#b45309',
  },
  { id: 'protest', label: 'Protest', plover: 'PROTEST', color: '#c2410c' },
  {
    id: 'ruling',
    label: 'Court ruling or lawsuit',
    plover: 'INVESTIGATE / ACCUSE',
    color: '#7c3aed',
  },
  {
    id: 'measure',
    label: 'Law, decision or measure',
    plover: 'RESTRICT / RELEASE / AID',
    color: '#4f46e5',
  },
  { id: 'election', label: 'Election or office', plover: '—', color: '#db2777' },
  {
    id: 'conflict',
    label: 'Conflict or violence',
    plover: 'ASSAULT / COERCE / FIGHT',
    color: '#dc2626',
  },
  { id: 'period', label: 'Period or era', plover: '—', color: '#78716c' },
  { id: 'relations', label: 'Relations', plover: 'COOPERATE', color: '#0d9488' },
  { id: 'incident', label: 'Incident or disaster', plover: '—', color: '#ea580c' },
  { id: 'death', label: 'Death', plover: '—', color: '#44403c' },
  { id: 'other', label: 'Other event', plover: '—', color: '#64748b' },
] as const;

export type EventKind = (typeof EVENT_KINDS)[number]['id'];

export const EVENT_KIND_IDS: readonly EventKind[] = EVENT_KINDS.map((k) => k.id);

const LABELS = new Map<string, string>(EVENT_KINDS.map((k) => [k.id, k.label]));

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && LABELS.has(value);
}

export function kindLabel(kind: EventKind): string {
  return LABELS.get(kind) ?? 'Event';
}
