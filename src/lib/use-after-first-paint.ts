import { useEffect, useState } from 'react';

/**
 * False on mount, true once the frame after mount has been painted (the next animation frame,
 * then a task after it). For content below the fold that need not delay the first frame: it is
 * rendered right after it instead. In a background tab it waits until the tab is shown.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
