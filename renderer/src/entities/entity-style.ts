/**
 * How each entity kind looks wherever it is shown (table, detail, link chart legend and nodes): a
 * colour, a chart node shape and an icon. One table, so the chart's legend and the table agree.
 */
import type { EntityKind } from '../../../shared/domain/entities';
import type { IconName } from '../ui/icons';

/** The looks of a kind: `color` CSS hex, `shape` a Cytoscape node shape. */
export interface KindStyle {
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'round-tag' | 'barrel' | 'rhomboid' | 'vee' | 'star';
  icon: IconName;
}

/** Looks per kind (colours chosen to stay distinct for common colour-vision deficiencies, with shapes as a second cue). */
export const KIND_STYLE: Record<EntityKind, KindStyle> = {
  person: { color: '#2563eb', shape: 'ellipse', icon: 'users' },
  organisation: { color: '#7c3aed', shape: 'round-rectangle', icon: 'briefcase' },
  vessel: { color: '#0891b2', shape: 'hexagon', icon: 'globe' },
  vehicle: { color: '#4d7c0f', shape: 'barrel', icon: 'map' },
  aircraft: { color: '#0f766e', shape: 'triangle', icon: 'globe' },
  'bank-account': { color: '#b45309', shape: 'diamond', icon: 'database' },
  'crypto-wallet': { color: '#a16207', shape: 'rhomboid', icon: 'database' },
  phone: { color: '#be185d', shape: 'round-tag', icon: 'tag' },
  email: { color: '#9d174d', shape: 'round-tag', icon: 'tag' },
  address: { color: '#475569', shape: 'vee', icon: 'pin' },
};

/** Looks of a seizure node in the chart. */
export const SEIZURE_STYLE = { color: '#dc2626', shape: 'star' as const };

/** Looks of a bridge node to another case in the chart. */
export const OTHER_CASE_STYLE = { color: '#111827', shape: 'round-rectangle' as const };
