/**
 * The workspace's online tile layer in the renderer (docs/map.md § Basemaps): the layer itself
 * (`L.tileLayer` on the enabled template, in pane `online-tiles` between Natural Earth and an
 * offline basemap), the warning shown on the map while it is on, and the admin's form in the
 * basemap chooser. The rule for a template is shared/domain/online-tiles.ts; the permission is
 * `workspace.settings` (checked by the data service; the form is shown only to whom it allows).
 * After a change the page reloads: its CSP, which names the tile server's one origin, is made
 * when the page is served.
 */
import { useEffect, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { onlineTemplateProblem, onlineTileHost, type OnlineTiles } from '../../../shared/domain/online-tiles';
import { useClient } from '../app/services';
import { onlineTileUrl } from '../platform/basemap-source';
import { t } from '../../../shared/messages';

/** The enabled layer's tiles (in Electron fetched by the data service: platform/basemap-source.ts `onlineTileUrl`). */
export function OnlineTileLayer(props: { tiles: OnlineTiles; workspaceId: string }): ReactNode {
  const map = useMap();
  const urlTemplate = onlineTileUrl(props.workspaceId, props.tiles.urlTemplate);
  useEffect(() => {
    if (!map.getPane('online-tiles')) map.createPane('online-tiles').style.zIndex = '255';
    const layer = L.tileLayer(urlTemplate, { pane: 'online-tiles', maxZoom: 19, referrerPolicy: 'no-referrer' } as L.TileLayerOptions).addTo(map);
    return () => void layer.remove();
  }, [map, urlTemplate]);
  return null;
}

/** The warning on the map while the layer is on: what the tile server learns. */
export function OnlineTilesWarning(props: { tiles: OnlineTiles }): ReactNode {
  const host = onlineTileHost(props.tiles.urlTemplate);
  return (
    <p className="online-tiles-warning" role="status" data-testid="online-tiles-warning">
      {t('ui.map.online.warning', { host, attribution: props.tiles.attribution })}
    </p>
  );
}

/** The admin's form in the chooser panel: enable with a template and attribution, or disable. */
export function OnlineTilesForm(props: { workspaceId: string; current: OnlineTiles | null }): ReactNode {
  const client = useClient();
  const [template, setTemplate] = useState(props.current?.urlTemplate ?? '');
  const [attribution, setAttribution] = useState(props.current?.attribution ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (value: OnlineTiles | null): Promise<void> => {
    const problem = value ? onlineTemplateProblem(value.urlTemplate.trim()) : null;
    if (problem) return setError(t('ui.map.online.template-problem', { problem }));
    try {
      await client.call('basemaps.setOnlineTiles', { workspaceId: props.workspaceId, onlineTiles: value });
      window.location.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form
      className="online-tiles-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ urlTemplate: template.trim(), attribution: attribution.trim() });
      }}
    >
      <p className="basemap-panel-title">{t('ui.map.online.title')}</p>
      <p className="basemap-panel-note">{t('ui.map.online.explain')}</p>
      <label className="online-tiles-field">
        {t('ui.map.online.template')}
        <input className="input" value={template} onChange={(e) => setTemplate(e.target.value)} placeholder="https://tiles.example.org/{z}/{x}/{y}.png" spellCheck={false} />
      </label>
      <label className="online-tiles-field">
        {t('ui.map.online.attribution')}
        <input className="input" value={attribution} onChange={(e) => setAttribution(e.target.value)} required aria-describedby={attribution.trim() ? undefined : 'online-tiles-attribution-needed'} />
      </label>
      {attribution.trim() ? null : (
        <p id="online-tiles-attribution-needed" className="basemap-panel-note" data-testid="online-tiles-attribution-needed">
          {t('ui.map.online.attribution-needed')}
        </p>
      )}
      {error ? (
        <p className="basemap-panel-note basemap-panel-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="basemap-panel-actions">
        <button type="submit" className="btn btn-sm" disabled={!template.trim() || !attribution.trim()}>
          {t(props.current ? 'ui.map.online.update' : 'ui.map.online.enable')}
        </button>
        {props.current ? (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => void save(null)}>
            {t('ui.map.online.disable')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
