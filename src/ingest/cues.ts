/** Cue words that mark a passage as an event of a given kind. */
import type { EventKind } from '../lib/timeline-data.ts';

export interface Cue {
  kind: EventKind;
  start: number;
  end: number;
  text: string;
}

const CHANGE =
  '(?:improv\\w*|warm\\w*|thaw\\w*|deteriorat\\w*|sour\\w*|normali[sz]\\w*|restor\\w*|worsen\\w*|fray\\w*|strain\\w*|rupture\\w*|sever(?:ed|ing|s)?\\b)';

const CUES: { kind: EventKind; re: RegExp }[] = [
  {
    kind: 'colonial-rule',
    re: /\bcolonial rule\b|\bcoloni[sz]ation\b|\bcolonized\b|\bcolonised\b|\bannexation\b|\bannexed\b/gi,
  },
  { kind: 'martial-law', re: /\bmartial law\b/gi },
  { kind: 'impeachment', re: /\bimpeach(?:ed|es|ment)?\b/gi },
  {
    kind: 'inauguration',
    re: /\b(?:assum(?:ed|ing|es)\s+(?:the\s+)?(?:office|presidency|premiership)|t(?:ook|aking|akes)\s+office|sworn\s+in|inaugurated|inauguration(?!\s+of\s+the\s+(?!president))|came\s+to\s+power)\b/gi,
  },
  {
    kind: 'talks',
    re: /\b(?:held\s+talks|talks|discussions|(?:tele)?phone\s+(?:call|conversation)s?|video\s+(?:call|conference)s?|spoke\s+(?:by\s+(?:tele)?phone\s+)?with)\b/gi,
  },
  { kind: 'meeting', re: /\b(?:meeting|summit|met|meets|meet)\b/gi },
  {
    kind: 'relations',
    re: new RegExp(
      `\\b(?:ties|relations|relationship)\\s+(?:[\\w'’]+\\s+){0,3}?${CHANGE}|\\b${CHANGE}\\s+(?:[\\w'’]+\\s+){0,2}?(?:ties|relations)\\b`,
      'gi',
    ),
  },
];

/** Cues in a sentence, in order, without overlaps (a longer cue wins). */
export function findCues(text: string): Cue[] {
  const all: Cue[] = [];
  for (const { kind, re } of CUES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)))
      all.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Cue[] = [];
  for (const cue of all) {
    const last = out[out.length - 1];
    if (last && cue.start < last.end) continue;
    out.push(cue);
  }
  return out;
}
