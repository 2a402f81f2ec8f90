/**
 * The popup of a seizure marker, built with DOM calls and `textContent` only: imported data is
 * untrusted and must never be parsed as HTML. Shows date (at its precision), commodity and taxon,
 * quantity, place, country, reported value and source title; a seizure flagged for review says
 * why (each flag's sentence) and offers to open it, where "Location checked" / "Mark as reviewed"
 * clears the flag. The map point carries the date
 * precision, reported value and source title itself (so the workspace map, which has no case
 * replicas, shows them too); the case map passes the full seizure, which is live and also has the taxon.
 */
import type { MapPoint } from '../../../shared/rpc/cases';
import { isFlaggedForReview, type Seizure } from '../../../shared/domain/seizure';
import { reviewFlagSentence } from '../../../shared/domain/review-flag-text';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { countryWithCode } from '../format/countries';
import { formatMoney, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { t } from '../../../shared/messages';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The popup's "Flagged for review" box: why (a sentence per flag), and a button to the seizure's detail where it is cleared. */
function flagSection(flags: NonNullable<MapPoint['reviewFlags']>, onReview: (() => void) | null): HTMLElement {
  const box = el('section', 'map-popup-flag');
  box.setAttribute('aria-label', t('ui.review.title'));
  box.append(el('p', 'map-popup-flag-title', `! ${t('ui.review.title')}`));
  const ul = el('ul', '');
  for (const f of flags) ul.append(el('li', '', reviewFlagSentence(f)));
  box.append(ul, el('p', 'map-popup-flag-hint', t('ui.map.flag.popup-hint')));
  if (onReview) {
    const b = el('button', 'btn btn-sm map-popup-review', t('ui.map.flag.review'));
    b.type = 'button';
    b.addEventListener('click', onReview);
    box.append(b);
  }
  return box;
}

/**
 * Popup content for one map point; `detail` is the full seizure when known; `extra` a line such
 * as the case number; `onMove` adds "Move on map" (case map, a member who may edit the case) when
 * `detail` is known (the seizure is on this window's replica of the case doc).
 */
export function popupContent(p: MapPoint, detail: Seizure | null, onOpen: ((id: string) => void) | null, extra?: string, onMove?: (id: string) => void): HTMLElement {
  const root = el('div', 'map-popup');
  const head = el('div', `map-popup-sector sector sector-${p.sector}`);
  head.append(el('span', 'sector-dot'), document.createTextNode(CRIME_SECTOR_LABELS[p.sector]));
  if (extra) head.append(el('span', 'map-popup-extra', extra));
  root.append(head, el('p', 'map-popup-title', p.commodity));
  // The replica's seizure is fresher than the projection's point (cleared there first).
  const flagged = detail ?? p;
  if (isFlaggedForReview(flagged)) root.append(flagSection(flagged.reviewFlags ?? [], onOpen ? () => onOpen(p.id) : null));
  if (detail?.taxon) root.append(el('p', 'map-popup-taxon', detail.taxon));
  const dl = el('dl', 'map-popup-facts');
  const row = (k: string, v: string): void => {
    dl.append(el('dt', '', k), el('dd', '', v));
  };
  const reportedValue = detail ? detail.reportedValue : p.reportedValue;
  const reportedCurrency = detail ? detail.reportedCurrency : p.reportedCurrency;
  const sourceTitle = detail ? detail.sourceTitle : p.sourceTitle;
  row(t('ui.map.popup-date'), formatSeizureDate(p.seizureDate, detail?.datePrecision ?? p.datePrecision));
  row(t('ui.map.popup-quantity'), formatQuantity(p.quantity, p.unit));
  row(t('ui.map.popup-place'), p.place || '—');
  row(t('ui.map.popup-country'), countryWithCode(p.country));
  row(t('ui.map.popup-value'), reportedValue === null ? t('ui.map.not-reported') : formatMoney(reportedValue, reportedCurrency));
  row(t('ui.map.popup-source'), sourceTitle || t('ui.map.not-recorded'));
  root.append(dl);
  const actions = el('div', 'map-popup-actions');
  const action = (label: string, run: (id: string) => void): void => {
    const b = el('button', 'btn btn-sm map-popup-open', label);
    b.type = 'button';
    b.addEventListener('click', () => run(p.id));
    actions.append(b);
  };
  if (onOpen) action(t('ui.map.open-seizure'), onOpen);
  // Any seizure on the map can be moved, also one held in a volume doc (no `detail` on this
  // window): the owner reads it from the data service and writes through it (case/seizure-writes.ts).
  if (onMove) action(t('ui.map.move.action'), onMove);
  if (actions.childElementCount) root.append(actions);
  return root;
}
