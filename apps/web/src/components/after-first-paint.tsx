import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders `children` once the page's first screen has painted, in a transition (React renders them in short slices):
 * for the lower part of a heavy page — forms, lists, a timeline — so that what the user reads first is painted from
 * a smaller first render on a slow tablet, and the rest follows a moment later. Nothing is shown in their place, so
 * keep it below everything that is on screen at first.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      // the task after the frame: the frame has painted by then
      timer = setTimeout(() => startTransition(() => setShown(true)));
    };
    if (typeof requestAnimationFrame !== 'function') {
      show();
      return () => clearTimeout(timer);
    }
    const frame = requestAnimationFrame(show);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return shown ? children : null;
}
