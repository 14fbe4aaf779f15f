import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMediaQuery } from '../../lib/use-media-query';

/**
 * True while the page is printed or shown as print (print preview, `emulateMedia`). The browser's
 * `beforeprint` renders synchronously (flushSync), so what only print shows is in the page before
 * the browser lays it out for paper.
 */
export function usePrinting(): boolean {
  const printMedia = useMediaQuery('print');
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printMedia || printing;
}
