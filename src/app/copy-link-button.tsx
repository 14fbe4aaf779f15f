import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/copy-text';
import { CheckIcon, LinkIcon } from '../lib/icons';

type Result = 'idle' | 'copied' | 'manual';

/** Copies the current URL (which holds the whole view) with a visible confirmation. */
export function CopyLinkButton() {
  const [result, setResult] = useState<Result>('idle');
  const [url, setUrl] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async () => {
    const href = window.location.href;
    setUrl(href);
    const ok = await copyText(href);
    setResult(ok ? 'copied' : 'manual');
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setResult('idle'), 4000);
  };

  return (
    <div className="copy-link">
      <button type="button" className="button primary" onClick={() => void onClick()}>
        <LinkIcon size={16} /> Copy link
      </button>
      <span className="copy-status" role="status">
        {result === 'copied' ? (
          <>
            <CheckIcon size={15} /> Link copied
          </>
        ) : null}
      </span>
      {result === 'manual' ? (
        <label className="manual-copy">
          Copy this link:
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </div>
  );
}
