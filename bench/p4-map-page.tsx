/**
 * The page P4 loads in headless Chromium (bundled by bench/p4-map.ts with esbuild): the app's own
 * SeizureMap (supercluster index, cluster badges, single markers, the offline basemap) given
 * `?n=` deterministically generated points. It records on `window.p4`: `renderMs`, from handing
 * the points to React to the first clustered frame painted (the map container's `data-items`
 * set, then two animation frames); and, while the bench drags the map, every animation-frame
 * interval in `frames`.
 */
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import '../renderer/src/styles/map.css';
import '../renderer/src/map/map-explorer.css';
import { SeizureMap } from '../renderer/src/map/seizure-map';
import { generatePoints } from '../test/renderer/map/map-points';

interface P4State {
  renderMs: number | null;
  frames: number[];
  recording: boolean;
}
const state: P4State = { renderMs: null, frames: [], recording: false };
(window as unknown as { p4: P4State }).p4 = state;

const n = Number(new URLSearchParams(location.search).get('n') ?? 1000);
const points = generatePoints(n, 42);
const host = document.getElementById('root')!;

let last = 0;
const tick = (now: number): void => {
  if (state.recording && last) state.frames.push(now - last);
  last = now;
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);

const t0 = performance.now();
const seen = new MutationObserver(() => {
  const el = document.querySelector<HTMLElement>('[data-testid="seizure-map"]');
  if (!el?.dataset.items || state.renderMs !== null) return;
  seen.disconnect();
  requestAnimationFrame(() => requestAnimationFrame(() => (state.renderMs = performance.now() - t0)));
});
seen.observe(host, { subtree: true, attributes: true, attributeFilter: ['data-items'] });
createRoot(host).render(<SeizureMap label="P4" points={points} />);
