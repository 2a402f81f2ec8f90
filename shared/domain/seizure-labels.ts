/**
 * Catalogue labels of the seizure vocabularies added by issue 11 (transport mode, detection and
 * concealment method): one message id per code, so the form, detail, table and exports use the
 * same words (shared/messages/en/seizures.ts).
 */
import { t, type MessageId } from '../messages';
import type { ConcealmentMethod, DetectionMethod, TransportMode } from './codes';

const TRANSPORT: Record<TransportMode, MessageId> = {
  air: 'seizure.transport.air',
  sea: 'seizure.transport.sea',
  road: 'seizure.transport.road',
  rail: 'seizure.transport.rail',
  'inland-water': 'seizure.transport.inland-water',
  post: 'seizure.transport.post',
  foot: 'seizure.transport.foot',
  other: 'seizure.transport.other',
};
const DETECTION: Record<DetectionMethod, MessageId> = {
  profiling: 'seizure.detection.profiling',
  scanner: 'seizure.detection.scanner',
  'sniffer-dog': 'seizure.detection.sniffer-dog',
  'tip-off': 'seizure.detection.tip-off',
  'routine-inspection': 'seizure.detection.routine-inspection',
  intelligence: 'seizure.detection.intelligence',
  patrol: 'seizure.detection.patrol',
  other: 'seizure.detection.other',
};
const CONCEALMENT: Record<ConcealmentMethod, MessageId> = {
  'not-concealed': 'seizure.concealment.not-concealed',
  misdeclared: 'seizure.concealment.misdeclared',
  'mixed-with-legal-goods': 'seizure.concealment.mixed-with-legal-goods',
  'hidden-in-cargo': 'seizure.concealment.hidden-in-cargo',
  'false-compartment': 'seizure.concealment.false-compartment',
  luggage: 'seizure.concealment.luggage',
  'on-body': 'seizure.concealment.on-body',
  'postal-parcel': 'seizure.concealment.postal-parcel',
  vehicle: 'seizure.concealment.vehicle',
  other: 'seizure.concealment.other',
};

/** The label of a transport mode ("Post / courier"). */
export function transportModeLabel(m: TransportMode): string {
  return t(TRANSPORT[m]);
}
/** The label of a detection method ("X-ray / scanner"). */
export function detectionMethodLabel(m: DetectionMethod): string {
  return t(DETECTION[m]);
}
/** The label of a concealment method ("Misdeclared as other goods"). */
export function concealmentMethodLabel(m: ConcealmentMethod): string {
  return t(CONCEALMENT[m]);
}
