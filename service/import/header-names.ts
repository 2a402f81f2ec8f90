/**
 * Column headers → import targets, by name: the public data set's own columns, our field names,
 * and the words spreadsheets use for them in English, German, French, Spanish and Portuguese
 * ("Datum", "Breite", "Länge", "Ware", "Menge", "Einheit", "Wert", "Währung"; "pays", "poids";
 * "fecha", "cantidad"; "data da apreensão", "quantidade"…). Also {@link headersKey}, the key
 * under which the data service remembers a user's mapping for a set of headers.
 */
import type { ImportTarget } from '../../shared/rpc/import';
import { PUBLIC_COLUMN_FIELD, REVIEW_FLAGS_COLUMN } from './public-columns';

/**
 * Normalises a header for comparison: camelCase split into words, lower case, accents removed
 * (ä → a; the spelling "ae" is listed separately), every run of other characters a single space.
 * "Länge (°)" → "lange", "seizureDate" → "seizure date", "country_iso2" → "country iso2".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A key for remembering a mapping: the normalised header names, sorted, joined with tabs
 * (normalised names contain no tab). Files whose headers differ only in order, case, accents or
 * punctuation share a key, and a mapping remembered under it applies to each of them (the mapping
 * is matched to columns by normalised name).
 */
export function headersKey(headers: readonly string[]): string {
  return [...new Set(headers.map(normaliseHeader).filter(Boolean))].sort().join('\t');
}

/** Header words for each target (already normalised). Order within a list does not matter. */
const NAMES: Partial<Record<ImportTarget, readonly string[]>> = {
  seizureDate: [
    'date', 'seizure date', 'date seized', 'date of seizure', 'seized on', 'event date', 'when', 'timestamp', 'time', 'day',
    'datum', 'beschlagnahmedatum', 'sicherstellungsdatum', 'date de saisie', 'date saisie', 'fecha', 'fecha de incautacion', 'fecha incautacion', 'fecha de decomiso',
    'data', 'data da apreensao', 'data de apreensao', 'data apreensao',
  ],
  datePrecision: ['date precision', 'datumsgenauigkeit', 'precision de la date', 'precision date', 'precision de fecha', 'precisao da data'],
  country: [
    'country', 'country iso2', 'country code', 'seizing country', 'country of seizure', 'iso2', 'nation',
    'land', 'staat', 'landercode', 'pays', 'pays de saisie', 'code pays', 'pais', 'pais de incautacion', 'codigo pais', 'pais da apreensao',
  ],
  place: [
    'place', 'location', 'site', 'locality', 'city', 'port', 'seizure location', 'place of seizure', 'address',
    'ort', 'standort', 'ortschaft', 'fundort', 'hafen', 'stadt', 'lieu', 'localite', 'ville', 'lieu de saisie', 'lugar', 'localidad', 'ciudad', 'puerto', 'lugar de incautacion',
    'local', 'localidade', 'cidade', 'local da apreensao',
  ],
  latitude: ['latitude', 'lat', 'y', 'lat dd', 'latitude dd', 'latitude wgs84', 'breite', 'breitengrad', 'geogr breite', 'geographische breite', 'latitud'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x', 'lon dd', 'longitude dd', 'longitude wgs84', 'lange', 'laenge', 'langengrad', 'laengengrad', 'geogr lange', 'geographische lange', 'longitud'],
  coordinates: ['coordinates', 'coords', 'coordinate', 'gps', 'gps coordinates', 'lat lon', 'lat long', 'lat lng', 'latlon', 'latlong', 'position', 'koordinaten', 'gps koordinaten', 'coordonnees', 'coordonnees gps', 'coordenadas', 'coordenadas gps'],
  locationPrecision: ['location precision', 'ortsgenauigkeit', 'precision du lieu', 'precision de ubicacion', 'precisao do local'],
  sector: ['crime sector', 'sector', 'crime type', 'crime category', 'sektor', 'bereich', 'deliktsbereich', 'secteur', 'type de crime', 'sector delictivo', 'setor', 'tipo de crime'],
  commodity: [
    'commodity', 'commodities', 'goods', 'product', 'products', 'item', 'items', 'seized goods', 'seized items', 'goods description', 'description of goods', 'contraband',
    'ware', 'waren', 'gut', 'guter', 'produkt', 'erzeugnis', 'beschlagnahmte ware', 'marchandise', 'marchandises', 'produit', 'produits', 'mercancia', 'mercancias', 'producto', 'productos',
    'mercadoria', 'mercadorias', 'produto', 'produtos',
  ],
  taxon: ['taxon', 'species', 'scientific name', 'latin name', 'art', 'spezies', 'wissenschaftlicher name', 'espece', 'nom scientifique', 'especie', 'nombre cientifico', 'nome cientifico'],
  citesAppendix: ['cites appendix', 'cites', 'appendix', 'cites anhang', 'anhang', 'annexe cites', 'apendice cites', 'apendice', 'anexo cites'],
  quantity: [
    'quantity', 'qty', 'weight', 'net weight', 'count', 'volume',
    'menge', 'anzahl', 'gewicht', 'nettogewicht', 'quantite', 'poids', 'cantidad', 'peso', 'quantidade',
  ],
  unit: ['unit', 'units', 'uom', 'unit of measure', 'einheit', 'masseinheit', 'mengeneinheit', 'unite', 'unidad', 'unidade'],
  quantityWithUnit: ['quantity with unit', 'amount seized', 'seized amount', 'quantity and unit', 'menge mit einheit'],
  originCountries: [
    'origin', 'origin iso2', 'origin country', 'origin countries', 'country of origin', 'source country', 'from', 'departure',
    'herkunft', 'herkunftsland', 'ursprung', 'ursprungsland', 'origine', 'pays d origine', 'provenance', 'origen', 'pais de origen', 'procedencia', 'origem', 'pais de origem',
  ],
  transitCountries: ['transit', 'transit iso2', 'transit country', 'transit countries', 'via', 'durchfuhr', 'transitland', 'transitlander', 'pays de transit', 'transito', 'pais de transito', 'paises de transito'],
  exportCountries: ['export', 'export iso2', 'export country', 'export countries', 'country of export', 'exporting country', 'ausfuhrland', 'exportland', 'pays d exportation', 'pais de exportacion', 'pais de exportacao'],
  missedTransitCountries: ['missed transit', 'transit missed', 'transit missed iso2', 'missed opportunity', 'missed opportunities', 'missed seizure opportunity', 'missed seizure opportunities', 'missed transit countries'],
  transportMode: ['transport mode', 'mode of transport', 'transport', 'conveyance', 'verkehrsmittel', 'transportart', 'beforderungsart', 'mode de transport', 'modo de transporte', 'medio de transporte'],
  detectionMethod: ['detection method', 'method of detection', 'detection', 'detected by', 'how detected', 'entdeckung', 'entdeckungsart', 'methode de detection', 'mode de detection', 'metodo de deteccion', 'metodo de deteccao'],
  concealmentMethod: ['concealment method', 'concealment', 'method of concealment', 'hidden in', 'versteck', 'verschleierung', 'dissimulation', 'mode de dissimulation', 'ocultacion', 'metodo de ocultacion', 'ocultacao'],
  destinationCountries: [
    'destination', 'destination iso2', 'destination country', 'destination countries', 'to', 'country of destination',
    'ziel', 'zielland', 'bestimmung', 'bestimmungsland', 'pays de destination', 'destino', 'pais de destino',
  ],
  seizingAgencies: [
    'seizing agency', 'seizing agencies', 'agency', 'agencies', 'authority', 'authorities', 'seized by',
    'behorde', 'behorden', 'dienststelle', 'agence', 'agences', 'autorite', 'autorites', 'service saisissant', 'agencia', 'agencias', 'autoridad', 'autoridades', 'organismo', 'orgao', 'autoridade',
  ],
  reportedValue: [
    'reported value', 'value', 'estimated value', 'market value', 'street value', 'value reported',
    'wert', 'schatzwert', 'geschatzter wert', 'marktwert', 'valeur', 'valeur estimee', 'valor', 'valor estimado', 'valor de mercado',
  ],
  reportedCurrency: ['reported currency', 'currency', 'currency code', 'wahrung', 'waehrung', 'devise', 'monnaie', 'moneda', 'divisa', 'moeda'],
  operation: ['operation', 'operation name', 'aktion', 'einsatz', 'operacion', 'operacao'],
  sourceUrl: ['source url', 'url', 'link', 'source link', 'quelle url', 'quelle link', 'lien', 'lien source', 'enlace', 'url fuente', 'url da fonte'],
  sourceTitle: ['source title', 'source', 'quelle', 'quellentitel', 'source titre', 'titre', 'fuente', 'titulo', 'fonte', 'titulo da fonte'],
  notes: [
    'notes', 'note', 'remarks', 'comments', 'comment', 'description', 'details',
    'bemerkung', 'bemerkungen', 'anmerkung', 'anmerkungen', 'notiz', 'notizen', 'kommentar', 'beschreibung',
    'remarques', 'commentaires', 'observations', 'notas', 'observaciones', 'comentarios', 'observacoes',
  ],
};

const BY_NAME = new Map<string, ImportTarget>();
for (const [target, names] of Object.entries(NAMES) as [ImportTarget, readonly string[]][]) {
  for (const n of names) BY_NAME.set(n, target);
}
// Our own field names ("seizureDate" → "seizure date", "sourceUrl" → "source url") always match.
for (const target of Object.keys(NAMES) as ImportTarget[]) BY_NAME.set(normaliseHeader(target), target);

/**
 * The target a public data-set column maps to ("country_iso2" → country), matched exactly as
 * the data set writes it; null for any other header.
 */
export function publicColumnTarget(header: string): ImportTarget | null {
  const name = header.trim();
  return PUBLIC_COLUMN_FIELD.get(name) ?? (name === REVIEW_FLAGS_COLUMN ? 'reviewFlags' : null);
}

/** The target a header names in any of the five languages, or null when the name says nothing. */
export function headerTarget(header: string): ImportTarget | null {
  return publicColumnTarget(header) ?? BY_NAME.get(normaliseHeader(header)) ?? null;
}
