/**
 * The link chart's graph, without Cytoscape or React: nodes for the case's entities, for the
 * seizures that are linked, and a bridge node per other case that shares an identifier with one
 * of the entities; edges for the links (labelled by relationship) and for the cross-case matches
 * (labelled by the identifier). Also the deterministic placement of nodes that have no stored
 * position, so the chart looks the same at every opening.
 */
import type { Entity, Link } from '../../../shared/docs/case-doc';
import { entityLabel } from '../../../shared/docs/case-entities';
import type { ChartPosition } from '../../../shared/docs/case-chart-layout';
import type { Seizure } from '../../../shared/domain/seizure';
import type { CrossCaseMatch } from '../../../shared/rpc/entities';
import { KIND_STYLE, OTHER_CASE_STYLE, SEIZURE_STYLE } from '../entities/entity-style';
import { relationshipLabel, schemeLabel } from '../entities/entity-labels';
import { nodeSize, shortLabel } from './chart-text';
import { formatSeizureDate } from '../format/dates';

/** A chart node: `kind` an entity kind, 'seizure' or 'case' (a bridge to another case). */
export interface ChartNode {
  id: string;
  /** The full label (text list, tooltips). */
  label: string;
  /** The label as drawn: shortened (chart-text.ts shortLabel). */
  display: string;
  /** Diameter, chart pixels (chart-text.ts nodeSize). */
  size: number;
  kind: string;
  color: string;
  shape: string;
  /** For bridge nodes: the other case's id. */
  caseId?: string;
}

/** A chart edge; `bridge` for a cross-case match (drawn dashed). */
export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** The label as drawn: one shortened line. */
  display: string;
  bridge: boolean;
}

/** The id of the bridge node of another case. */
export const bridgeId = (caseId: string): string => `case:${caseId}`;

/** What a seizure node shows: a case-doc seizure or a projection row alike. */
export type ChartSeizure = Pick<Seizure, 'id' | 'commodity' | 'seizureDate' | 'datePrecision'>;

/**
 * The nodes and edges of a case's chart. Seizures appear only when linked (a case may hold
 * thousands): `seizures` need hold only the linked ones (looked up by id, use-case-links.ts).
 */
export function chartElements(entities: Entity[], links: Link[], seizures: readonly ChartSeizure[], matches: CrossCaseMatch[]): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const { nodes, edges } = rawElements(entities, links, seizures, matches);
  return {
    nodes: nodes.map((n) => ({ ...n, display: shortLabel(n.label), size: nodeSize(n.kind) })),
    edges: edges.map((e) => ({ ...e, display: shortLabel(e.label, 28, 1) })),
  };
}

/** The chart's nodes and edges before their drawn labels and sizes are added. */
function rawElements(
  entities: Entity[],
  links: Link[],
  seizures: readonly ChartSeizure[],
  matches: CrossCaseMatch[],
): { nodes: Omit<ChartNode, 'display' | 'size'>[]; edges: Omit<ChartEdge, 'display'>[] } {
  const nodes: Omit<ChartNode, 'display' | 'size'>[] = entities.map((e) => ({ id: e.id, label: entityLabel(e), kind: e.kind, color: KIND_STYLE[e.kind].color, shape: KIND_STYLE[e.kind].shape }));
  const linked = new Set(links.map((l) => l.to));
  for (const s of seizures) {
    if (linked.has(s.id)) nodes.push({ id: s.id, label: `${s.commodity}\n${formatSeizureDate(s.seizureDate, s.datePrecision)}`, kind: 'seizure', color: SEIZURE_STYLE.color, shape: SEIZURE_STYLE.shape });
  }
  const edges: Omit<ChartEdge, 'display'>[] = links.map((l) => ({ id: l.id, source: l.from, target: l.to, label: relationshipLabel(l.relationship), bridge: false }));
  const seen = new Set<string>();
  for (const m of matches) {
    const node = bridgeId(m.otherCaseId);
    if (!nodes.some((n) => n.id === node)) nodes.push({ id: node, label: `${m.otherCaseNumber}\n${m.otherCaseTitle}`, kind: 'case', color: OTHER_CASE_STYLE.color, shape: OTHER_CASE_STYLE.shape, caseId: m.otherCaseId });
    const id = `${m.entityId}>${node}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source: m.entityId, target: node, label: `${schemeLabel(m.scheme)} ${m.value}`, bridge: true });
  }
  return { nodes, edges };
}

/** Spacing of the placement grid, chart pixels. */
const STEP = 170;

/**
 * Positions for `nodes` lacking one in `stored`, deterministic (same input, same output): on a
 * first opening (nothing stored) entities on a circle in their given order with seizures and
 * bridges on an outer ring; later, new nodes in a row below the existing ones, in id order.
 */
export function placeNew(nodes: Pick<ChartNode, 'id' | 'kind'>[], stored: Record<string, ChartPosition>): Record<string, ChartPosition> {
  const missing = nodes.filter((n) => !stored[n.id]);
  if (!missing.length) return {};
  const out: Record<string, ChartPosition> = {};
  const known = Object.keys(stored).filter((id) => nodes.some((n) => n.id === id));
  if (!known.length) {
    const inner = missing.filter((n) => n.kind !== 'seizure' && n.kind !== 'case');
    const outer = missing.filter((n) => n.kind === 'seizure' || n.kind === 'case');
    const ring = (list: Pick<ChartNode, 'id' | 'kind'>[], radius: number, offset: number): void =>
      list.forEach((n, i) => {
        const a = offset + (2 * Math.PI * i) / list.length - Math.PI / 2;
        out[n.id] = { x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) };
      });
    const r1 = Math.max(STEP, (inner.length * STEP) / (2 * Math.PI));
    ring(inner, inner.length === 1 ? 0 : r1, 0);
    ring(outer, r1 + STEP * 1.3, Math.PI / Math.max(outer.length, 1));
    return out;
  }
  const pts = known.map((id) => stored[id]!);
  const minX = Math.min(...pts.map((p) => p.x));
  const maxY = Math.max(...pts.map((p) => p.y));
  [...missing].sort((a, b) => a.id.localeCompare(b.id)).forEach((n, i) => {
    out[n.id] = { x: minX + i * STEP, y: maxY + STEP };
  });
  return out;
}
