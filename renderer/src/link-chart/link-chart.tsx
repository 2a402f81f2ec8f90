/**
 * The Link chart tab: an interactive Cytoscape.js graph of the case's entities (shape and colour
 * by kind, with a legend), the seizures they are linked to, and bridge nodes to other cases that
 * share an identifier (clicking one opens that case). Linked seizures are looked up by id in the
 * projection (use-case-links.ts), so one held in a volume doc is a node like any other. Node positions are kept in the case doc
 * (`chartLayout`, see shared/docs/case-chart-layout.ts) so the chart is the same at every opening
 * and for every member; nodes without a position are placed deterministically (chart-elements.ts).
 * A text list of the same nodes and links follows the canvas for screen readers. Exports a PNG.
 */
import { kindLabel } from '../entities/entity-labels';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import type { CaseDoc, Entity, Link } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { t } from '../../../shared/messages';
import { navigate } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { Icon } from '../ui/icons';
import { EmptyState, Loading } from '../ui/states';
import { KIND_STYLE, OTHER_CASE_STYLE, SEIZURE_STYLE } from '../entities/entity-style';
import { BASE_FONT, labelFontSize } from './chart-text';
import { chartElements, placeNew } from './chart-elements';
import { savePng } from './save-png';
import { useToast } from '../ui/toast';
import '../entities/entities.css';

/** Props of {@link LinkChart}. */
export interface LinkChartProps {
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  caseDoc: CaseDoc;
  entities: Entity[];
  links: Link[];
  /** The linked seizures by id, from the projection (use-case-links.ts): case doc and volume docs alike. */
  linkedSeizures: ReadonlyMap<string, SeizureRow>;
  /** True while the links' seizure ends are being looked up: the chart waits rather than drawing without them. */
  linksPending: boolean;
  writer: Writer;
  readOnly: boolean;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(display)',
      color: '#1f2937',
      'font-size': BASE_FONT,
      'font-family': 'Inter, system-ui, sans-serif',
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'text-wrap': 'wrap',
      'text-max-width': '180px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[kind = "case"]', style: { height: 30, 'font-weight': 600, 'border-color': '#111827', 'border-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-color': '#f59e0b', 'border-width': 3 } },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(display)',
      'font-size': 10,
      color: '#475569',
      'text-background-color': '#fbfcfe',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[?bridge]', style: { 'line-style': 'dashed', 'line-color': '#111827', 'target-arrow-color': '#111827', color: '#111827' } },
];

/** The Link chart tab. */
export function LinkChart(props: LinkChartProps): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const toast = useToast();
  const matches = useLiveQuery('entities.alsoIn', { workspaceId: props.workspaceId, caseId: props.caseId }, { refetchOn: [projectionChanged(props.workspaceId)] });
  const graph = useMemo(() => chartElements(props.entities, props.links, [...props.linkedSeizures.values()], matches.data ?? []), [props.entities, props.links, props.linkedSeizures, matches.data]);
  const kinds = useMemo(() => ENTITY_KINDS.filter((k) => props.entities.some((e) => e.kind === k)), [props.entities]);

  useEffect(() => {
    if (!box.current || !graph.nodes.length || props.linksPending) return;
    const stored = props.caseDoc.readChartLayout();
    const placed = placeNew(graph.nodes, stored);
    const pos = { ...stored, ...placed };
    const cy = cytoscape({
      container: box.current,
      style: STYLE,
      elements: [
        ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n }, position: { ...pos[n.id]! } })),
        ...graph.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
      ],
      layout: { name: 'preset', fit: true, padding: 40 },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      autoungrabify: props.readOnly,
    });
    cyRef.current = cy;
    // A small graph fitted to the canvas would be blown up: cap the opening zoom at a readable size.
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
    // Labels keep a readable size on screen whatever the zoom (chart-text.ts).
    const scaleText = (): void => {
      const z = cy.zoom();
      cy.style().selector('node').style({ 'font-size': labelFontSize(z), 'text-max-width': `${Math.round(15 * labelFontSize(z))}px` }).selector('edge').style('font-size', labelFontSize(z, 10)).update();
      if (box.current) box.current.dataset.fontSize = String(labelFontSize(z));
    };
    scaleText();
    cy.on('zoom', scaleText);
    box.current.dataset.positions = JSON.stringify(pos);
    if (Object.keys(placed).length && !props.readOnly) props.caseDoc.saveChartLayout(placed, props.writer);
    cy.on('dragfree', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      const p = n.position();
      props.caseDoc.saveChartLayout({ [n.id()]: p }, props.writer);
      if (box.current) box.current.dataset.positions = JSON.stringify({ ...JSON.parse(box.current.dataset.positions ?? '{}'), [n.id()]: { x: Math.round(p.x), y: Math.round(p.y) } });
    });
    cy.on('tap', 'node[kind = "case"]', (ev) => {
      const caseId = (ev.target as cytoscape.NodeSingular).data('caseId') as string;
      navigate({ name: 'case', ws: props.workspaceId, caseId, tab: 'chart' });
    });
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
    // Rebuilt when the graph changes; positions are read from the doc at each build.
  }, [graph, props.caseDoc, props.writer, props.readOnly, props.workspaceId, props.linksPending]);

  const exportPng = async (): Promise<void> => {
    const cy = cyRef.current;
    if (!cy) return;
    const png = await cy.png({ full: true, scale: 2, output: 'blob-promise', bg: '#ffffff' });
    try {
      if (await savePng(`${props.caseNumber}-link-chart.png`, png)) toast(t('chart.png-saved'));
    } catch {
      toast(t('chart.png-failed'), 'error');
    }
  };

  if (!props.entities.length) {
    return (
      <div className="card">
        <EmptyState icon="link" title={t('chart.title')}>
          {t('chart.empty')}
        </EmptyState>
      </div>
    );
  }

  if (props.linksPending) return <Loading>{t('entity.links-looking-up')}</Loading>;

  return (
    <div className="link-chart">
      <div className="card">
        <div className="table-toolbar">
          <span className="toolbar-count">
            {t('entity.count', { count: props.entities.length })} · {t('entity.links-count', { count: props.links.length })}
          </span>
          <button type="button" className="btn btn-sm" onClick={() => void exportPng()}>
            <Icon name="download" size={14} /> {t('chart.export')}
          </button>
        </div>
        <div ref={box} className="link-chart-canvas" data-testid="link-chart" role="img" aria-label={t('chart.title')} />
        <ul className="visually-hidden" data-testid="link-chart-text">
          {graph.nodes.map((n) => (
            <li key={n.id} data-node-id={n.id}>
              {n.label}
            </li>
          ))}
          {graph.edges.map((e) => (
            <li key={e.id} data-edge-id={e.id}>
              {graph.nodes.find((n) => n.id === e.source)?.label} — {e.label} — {graph.nodes.find((n) => n.id === e.target)?.label}
            </li>
          ))}
        </ul>
      </div>
      <aside className="card link-chart-legend" aria-label={t('chart.legend')}>
        <div className="card-body">
          <h3 className="detail-heading">{t('chart.legend')}</h3>
          <ul>
            {kinds.map((k) => (
              <li key={k}>
                <span className="kind-dot" style={{ background: KIND_STYLE[k].color }} aria-hidden="true" />
                {kindLabel(k)}
              </li>
            ))}
            <li>
              <span className="kind-dot" style={{ background: SEIZURE_STYLE.color }} aria-hidden="true" />
              {t('chart.seizure')}
            </li>
            <li>
              <span className="kind-dot" style={{ background: OTHER_CASE_STYLE.color }} aria-hidden="true" />
              {t('chart.other-case')}
            </li>
          </ul>
        </div>
      </aside>
    </div>
  );
}
