import { useEffect, useState, type RefObject } from 'react';

/** The element's content width, updated on resize (0 before the first layout). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? node.clientWidth;
      setWidth((prev) => (Math.abs(prev - w) >= 1 ? Math.round(w) : prev));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
