/**
 * The basemap chooser, a control in the map's top-right corner (docs/map.md § Basemaps): a button
 * naming the basemap shown, opening a panel with the built-in Natural Earth map and each offline
 * basemap (name; format, kind and zoom range; the area it covers). Vector basemaps are listed but
 * cannot be chosen, with the reason. "Fit to basemap area" shows the chosen file's area; in
 * Electron "Add basemap files…" opens main's native dialog. The choice is remembered per device.
 * Clicks and wheel turns on the control never reach the map; Escape closes the panel.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import { addBasemapFiles, canAddBasemaps } from '../platform/basemap-source';
import { useToast } from '../ui/toast';
import { boundsText, NATURAL_EARTH, unusableReason, zoomText } from './basemap-choice';
import type { BasemapState } from './use-basemaps';
import { t } from '../../../shared/messages';
import './basemap-chooser.css';

/** The label of a basemap's kind. */
const KIND: Record<BasemapInfo['kind'], string> = { mbtiles: 'MBTiles', pmtiles: 'PMTiles' };

/** Props of {@link BasemapChooser}. */
export interface BasemapChooserProps {
  state: BasemapState;
  /** Shown at the panel's foot (the admin's online-tiles form). */
  children?: ReactNode;
}

/** One offline basemap's row. */
function BasemapOption(props: { b: BasemapInfo; checked: boolean; name: string; onChoose: (id: string) => void }): ReactNode {
  const { b } = props;
  const reason = unusableReason(b);
  const hint = useId();
  return (
    <label className={reason ? 'basemap-option basemap-option-disabled' : 'basemap-option'} data-testid={`basemap-option-${b.id}`}>
      <input type="radio" name={props.name} value={b.id} checked={props.checked} disabled={reason !== null} aria-describedby={hint} onChange={() => props.onChoose(b.id)} />
      <span className="basemap-option-text">
        <span className="basemap-option-name">{b.name}</span>
        <span className="basemap-option-detail" id={hint}>
          {t('ui.map.basemaps.detail', { format: b.format.toUpperCase(), kind: KIND[b.kind], zoom: zoomText(b) })}
          <br />
          {boundsText(b)}
          {b.attribution ? (
            <>
              <br />
              {t('ui.map.basemaps.attribution', { source: b.attribution })}
            </>
          ) : null}
          {reason ? <span className="basemap-option-reason">{t(reason)}</span> : null}
        </span>
      </span>
    </label>
  );
}

/** The chooser. */
export function BasemapChooser(props: BasemapChooserProps): ReactNode {
  const map = useMap();
  const toast = useToast();
  const { state } = props;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const group = useId();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
    };
    const onDown = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onDown);
    };
  }, [open]);

  const active = state.active;
  const fit = (): void => {
    const b = active?.bounds;
    if (!b) return;
    // The whole area, but never below the file's first zoom (it would show none of its tiles).
    const area = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
    map.setView(area.getCenter(), Math.max(map.getBoundsZoom(area, false, L.point(24, 24)), active.minZoom ?? 0));
    setOpen(false);
  };
  const add = async (): Promise<void> => {
    const r = await addBasemapFiles();
    if (!r) return;
    if (r.added.length) toast(t('ui.map.basemaps.added', { count: r.added.length }));
    for (const s of r.skipped) toast(t('ui.map.basemaps.skipped', { name: s.name, reason: s.reason }), 'error');
    if (r.added.length) {
      state.reload();
      const first = r.added.find((b) => !unusableReason(b));
      if (first) state.choose(first.id);
    }
  };

  return (
    <div className="basemap-chooser" ref={box}>
      <button type="button" className="basemap-chooser-button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        <span className="basemap-chooser-icon" aria-hidden="true" />
        {t('ui.map.basemaps.button', { name: active ? active.name : t('ui.map.basemaps.natural-earth') })}
      </button>
      {open ? (
        <div className="basemap-panel" role="dialog" aria-label={t('ui.map.basemaps.title')}>
          <fieldset className="basemap-options">
            <legend className="basemap-panel-title">{t('ui.map.basemaps.title')}</legend>
            <label className="basemap-option" data-testid="basemap-option-natural-earth">
              <input type="radio" name={group} value={NATURAL_EARTH} checked={!active} onChange={() => state.choose(NATURAL_EARTH)} />
              <span className="basemap-option-text">
                <span className="basemap-option-name">{t('ui.map.basemaps.natural-earth')}</span>
                <span className="basemap-option-detail">{t('ui.map.basemaps.natural-earth-detail')}</span>
              </span>
            </label>
            {state.list.map((b) => (
              <BasemapOption key={b.id} b={b} name={group} checked={active?.id === b.id} onChoose={state.choose} />
            ))}
          </fieldset>
          {state.error ? <p className="basemap-panel-note basemap-panel-error">{t('ui.map.basemaps.list-failed', { reason: state.error })}</p> : null}
          {!state.error && state.list.length === 0 ? <p className="basemap-panel-note">{t(canAddBasemaps() ? 'ui.map.basemaps.none-desktop' : 'ui.map.basemaps.none-browser')}</p> : null}
          <div className="basemap-panel-actions">
            <button type="button" className="btn btn-sm" disabled={!active?.bounds} onClick={fit}>
              {t('ui.map.basemaps.fit')}
            </button>
            {canAddBasemaps() ? (
              <button type="button" className="btn btn-sm" onClick={() => void add()}>
                {t('ui.map.basemaps.add')}
              </button>
            ) : null}
          </div>
          <p className="basemap-panel-note basemap-panel-foot">{t('ui.map.basemaps.remembered-note')}</p>
          {props.children}
        </div>
      ) : null}
    </div>
  );
}
