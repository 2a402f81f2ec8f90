/**
 * The popup of seizures that share one place (a cluster that no zoom can split): a heading with
 * their count and one button per seizure (date, commodity, quantity). Picking one shows that
 * seizure's own popup; a "Back" button there returns to the list. Built with DOM calls and
 * `textContent` only (imported data is untrusted).
 */
import type { MapPoint } from '../../../shared/rpc/cases';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { t } from '../../../shared/messages';

/**
 * Runs `replace` (which swaps the popup's content) for a click that must not reach the map. The
 * swap detaches the clicked button, so Leaflet could no longer see that the click came from inside
 * the popup and would take it for a click on the map, which closes the popup.
 */
function swap(e: Event, replace: () => void): void {
  e.stopPropagation();
  replace();
}

/** The list of `points` at one place; `onPick` hears the seizure chosen. */
export function placeList(points: readonly MapPoint[], onPick: (p: MapPoint) => void): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-place-list';
  const head = document.createElement('p');
  head.className = 'map-place-list-head';
  head.textContent = t('ui.map.place-list-head', { count: points.length, place: points[0]?.place || points[0]?.country || '' });
  const ul = document.createElement('ul');
  for (const p of points) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'map-place-item';
    const dot = document.createElement('span');
    dot.className = `sector-dot sector-${p.sector}`;
    dot.title = CRIME_SECTOR_LABELS[p.sector];
    const main = document.createElement('span');
    main.className = 'map-place-item-main';
    main.textContent = p.commodity;
    const sub = document.createElement('span');
    sub.className = 'map-place-item-sub';
    sub.textContent = `${formatSeizureDate(p.seizureDate, p.datePrecision)} · ${formatQuantity(p.quantity, p.unit)}`;
    b.append(dot, main, sub);
    b.addEventListener('click', (e) => swap(e, () => onPick(p)));
    li.append(b);
    ul.append(li);
  }
  root.append(head, ul);
  return root;
}

/** Wraps a seizure's popup content with a "Back to the list" button above it. */
export function withBack(content: HTMLElement, count: number, onBack: () => void): HTMLElement {
  const root = document.createElement('div');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-sm btn-ghost map-place-back';
  b.textContent = t('ui.map.place-list-back', { count });
  b.addEventListener('click', (e) => swap(e, onBack));
  root.append(b, content);
  return root;
}
