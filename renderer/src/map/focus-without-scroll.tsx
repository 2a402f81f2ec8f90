/**
 * Keeps a click on the map from scrolling the page. On mousedown Leaflet focuses the map container
 * (for its arrow-key panning) and then restores `window`'s scroll; but the app scrolls an inner
 * element, not the window, so a map whose bottom edge is below the fold jumps up by that much
 * between mousedown and mouseup, and the click lands on whatever is under the pointer afterwards
 * (a cluster badge's list never opened). Focusing the container first with `preventScroll` makes
 * Leaflet's own focus call a no-op: it returns early for a container that already has focus.
 */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/** Renders nothing; focuses the map container without scrolling on every mousedown in it. */
export function FocusWithoutScroll(): null {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    const onDown = (): void => {
      if (document.activeElement !== el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    };
    el.addEventListener('mousedown', onDown, true);
    return () => el.removeEventListener('mousedown', onDown, true);
  }, [map]);
  return null;
}
