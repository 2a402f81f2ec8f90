/**
 * Cells of the complete seizure model's vocabularies (issue 11): transport mode, detection method
 * and concealment method. Each accepts the domain's code (shared/domain/codes.ts) in any case, its
 * English label, and common words in English, German, French, Spanish and Portuguese; an empty
 * cell is "not stated" (null). Anything else is refused with the list of codes, never guessed.
 */
import { CONCEALMENT_METHODS, DETECTION_METHODS, TRANSPORT_MODES, type ConcealmentMethod, type DetectionMethod, type TransportMode } from '../../shared/domain/codes';
import { concealmentMethodLabel, detectionMethodLabel, transportModeLabel } from '../../shared/domain/seizure-labels';
import { fail, isMissing, ok, type Parsed } from './parse-result';

function normalise(raw: string): string {
  return raw.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[_\s]+/g, ' ').replace(/ /g, '-');
}

/** A lookup of codes, their labels and `words` (already normalised with {@link normalise}). */
function table<T extends string>(codes: readonly T[], label: (c: T) => string, words: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>(Object.entries(words).map(([k, v]) => [normalise(k), v]));
  for (const c of codes) {
    m.set(normalise(c), c);
    m.set(normalise(label(c)), c);
  }
  return m;
}

const TRANSPORT = table(TRANSPORT_MODES, transportModeLabel, {
  aircraft: 'air', airport: 'air', 'air cargo': 'air', flight: 'air', luftfracht: 'air', luft: 'air', aerien: 'air', aereo: 'air', aerea: 'air',
  maritime: 'sea', ship: 'sea', vessel: 'sea', container: 'sea', seefracht: 'sea', see: 'sea', mer: 'sea', maritimo: 'sea', mar: 'sea',
  truck: 'road', lorry: 'road', car: 'road', vehicle: 'road', strasse: 'road', lkw: 'road', route: 'road', routier: 'road', carretera: 'road', rodoviario: 'road', terrestre: 'road',
  train: 'rail', railway: 'rail', bahn: 'rail', schiene: 'rail', ferroviaire: 'rail', ferrocarril: 'rail', ferroviario: 'rail',
  river: 'inland-water', 'inland waterway': 'inland-water', boat: 'inland-water', binnenschiff: 'inland-water', fluvial: 'inland-water',
  mail: 'post', postal: 'post', courier: 'post', express: 'post', parcel: 'post', 'post/courier': 'post', kurier: 'post', colis: 'post', correo: 'post', correio: 'post', paquete: 'post',
  'on foot': 'foot', pedestrian: 'foot', 'zu fuss': 'foot', 'a pied': 'foot', 'a pie': 'foot', 'a pe': 'foot', passenger: 'foot',
});

const DETECTION = table(DETECTION_METHODS, detectionMethodLabel, {
  'risk profiling': 'profiling', targeting: 'profiling', 'risk analysis': 'profiling', risikoanalyse: 'profiling', ciblage: 'profiling', perfilado: 'profiling', 'analise de risco': 'profiling',
  'x-ray': 'scanner', xray: 'scanner', scan: 'scanner', scanning: 'scanner', rontgen: 'scanner', 'rayons x': 'scanner', 'rayos x': 'scanner', 'raio x': 'scanner',
  dog: 'sniffer-dog', k9: 'sniffer-dog', 'k-9': 'sniffer-dog', 'detection dog': 'sniffer-dog', sporhund: 'sniffer-dog', spurhund: 'sniffer-dog', chien: 'sniffer-dog', perro: 'sniffer-dog', cao: 'sniffer-dog',
  tipoff: 'tip-off', tip: 'tip-off', informant: 'tip-off', informer: 'tip-off', hinweis: 'tip-off', denonciation: 'tip-off', denuncia: 'tip-off', chivatazo: 'tip-off',
  routine: 'routine-inspection', inspection: 'routine-inspection', 'random check': 'routine-inspection', kontrolle: 'routine-inspection', controle: 'routine-inspection', control: 'routine-inspection', inspeccion: 'routine-inspection', fiscalizacao: 'routine-inspection',
  intelligence: 'intelligence', 'intelligence-led': 'intelligence', investigation: 'intelligence', ermittlung: 'intelligence', renseignement: 'intelligence', inteligencia: 'intelligence',
  patrol: 'patrol', streife: 'patrol', patrouille: 'patrol', patrulla: 'patrol', patrulha: 'patrol',
});

const CONCEALMENT = table(CONCEALMENT_METHODS, concealmentMethodLabel, {
  'not concealed': 'not-concealed', open: 'not-concealed', unconcealed: 'not-concealed', keine: 'not-concealed', aucune: 'not-concealed', ninguna: 'not-concealed', nenhuma: 'not-concealed',
  'false declaration': 'misdeclared', misdeclaration: 'misdeclared', 'mis-declared': 'misdeclared', 'falsche deklaration': 'misdeclared', 'fausse declaration': 'misdeclared', 'declaracion falsa': 'misdeclared',
  mixed: 'mixed-with-legal-goods', 'mixed with legal cargo': 'mixed-with-legal-goods', commingled: 'mixed-with-legal-goods',
  cargo: 'hidden-in-cargo', 'hidden in container': 'hidden-in-cargo', container: 'hidden-in-cargo', fracht: 'hidden-in-cargo', cargaison: 'hidden-in-cargo', carga: 'hidden-in-cargo',
  'false bottom': 'false-compartment', 'hidden compartment': 'false-compartment', 'secret compartment': 'false-compartment', 'doppelter boden': 'false-compartment', 'double fond': 'false-compartment', 'doble fondo': 'false-compartment', 'fundo falso': 'false-compartment',
  baggage: 'luggage', suitcase: 'luggage', 'checked baggage': 'luggage', gepack: 'luggage', bagage: 'luggage', bagages: 'luggage', equipaje: 'luggage', bagagem: 'luggage', mala: 'luggage',
  body: 'on-body', 'body-packed': 'on-body', 'on person': 'on-body', 'am korper': 'on-body', 'sur le corps': 'on-body', 'en el cuerpo': 'on-body', 'no corpo': 'on-body',
  parcel: 'postal-parcel', 'postal package': 'postal-parcel', mail: 'postal-parcel', paket: 'postal-parcel', colis: 'postal-parcel', paquete: 'postal-parcel', encomenda: 'postal-parcel',
  car: 'vehicle', truck: 'vehicle', fahrzeug: 'vehicle', vehicule: 'vehicle', vehiculo: 'vehicle', veiculo: 'vehicle',
});

/** Reads a transport-mode cell ("air", "Luftfracht", "courier", "à pied"). Empty → null. */
export function parseTransportMode(raw: string): Parsed<TransportMode | null> {
  if (isMissing(raw)) return ok(null);
  const m = TRANSPORT.get(normalise(raw));
  return m ? ok(m) : fail('import.not-a-transport-mode', { value: raw.trim(), modes: TRANSPORT_MODES.join(', ') });
}

/** Reads a detection-method cell ("X-ray", "sniffer dog", "tip-off", "Röntgen"). Empty → null. */
export function parseDetectionMethod(raw: string): Parsed<DetectionMethod | null> {
  if (isMissing(raw)) return ok(null);
  const m = DETECTION.get(normalise(raw));
  return m ? ok(m) : fail('import.not-a-detection-method', { value: raw.trim(), methods: DETECTION_METHODS.join(', ') });
}

/** Reads a concealment-method cell ("misdeclared", "false bottom", "in luggage"). Empty → null. */
export function parseConcealmentMethod(raw: string): Parsed<ConcealmentMethod | null> {
  if (isMissing(raw)) return ok(null);
  const m = CONCEALMENT.get(normalise(raw));
  return m ? ok(m) : fail('import.not-a-concealment-method', { value: raw.trim(), methods: CONCEALMENT_METHODS.join(', ') });
}
