import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The element's content width, updated on resize (0 before the first layout). Measured in a
 * layout effect, so the first painted frame already renders with the real width.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const update = (w: number) =>
      setWidth((prev) => (Math.abs(prev - w) >= 1 ? Math.round(w) : prev));
    update(node.clientWidth - paddingX(node));
    const observer = new ResizeObserver((entries) => {
      update(entries[0]?.contentRect.width ?? node.clientWidth - paddingX(node));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function paddingX(node: HTMLElement): number {
  const style = getComputedStyle(node);
  return (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
}
