import { useEffect, useRef, useState } from 'react';
import './export.css';
import { copyText } from '../../lib/copy-text';
import { CheckIcon } from '../../lib/icons';
import type { Actor, ArticleMeta, TimelineEvent } from '../../lib/timeline-data';
import { citationText } from './citation';
import { appBaseUrl } from './download';
import { datedRecord } from './export-records';

export interface CiteButtonProps {
  event: TimelineEvent;
  articles: ReadonlyMap<string, ArticleMeta>;
  actors: ReadonlyMap<string, Actor>;
}

/** "Cite this event": copies title, date, sources and the event's link, and says so. */
export function CiteButton({ event, articles, actors }: CiteButtonProps) {
  const [result, setResult] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [text, setText] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async () => {
    const citation = citationText(datedRecord(event, { articles, actors, baseUrl: appBaseUrl() }));
    setText(citation);
    const ok = await copyText(citation);
    setResult(ok ? 'copied' : 'manual');
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setResult('idle'), 4000);
  };

  return (
    <div className="cite">
      <button type="button" className="button subtle" onClick={() => void onClick()}>
        Cite this event
      </button>
      <span className="copy-status" role="status">
        {result === 'copied' ? (
          <>
            <CheckIcon size={15} /> Citation copied
          </>
        ) : null}
      </span>
      {result === 'manual' ? (
        <label className="manual-copy">
          Copy this citation:
          <textarea readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </div>
  );
}
