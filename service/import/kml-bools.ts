/**
 * KML typed booleans as written. togeojson reads a `<SimpleData>` of a `<SimpleField type="bool">`
 * with JavaScript's `Boolean(text)`, so "0" and "false" become `true` (tester finding: a placemark
 * marked `verified` 0 was imported as "verified: true"). This reads those values from the raw
 * text instead: "1"/"true" → "true", "0"/"false" → "false" (any case, trimmed); anything else is
 * kept as the text written, never turned into a boolean it does not say.
 */

/** The parts of an xmldom node this module reads (keeps it independent of the DOM typings). */
interface XmlNode {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
  textContent: string | null;
}

/** The text a KML bool value stands for: 'true', 'false', or the text as written when it is neither. */
export function kmlBoolText(raw: string): string {
  const v = raw.trim().toLowerCase();
  if (v === '1' || v === 'true') return 'true';
  if (v === '0' || v === 'false') return 'false';
  return raw.trim();
}

/**
 * Replaces, in each of `features` (togeojson's, one per `<Placemark>` in document order), the
 * values of the fields a `<Schema>` of `doc` declares `type="bool"` by {@link kmlBoolText} of
 * their raw text. Does nothing when the document declares no bool field, or when the features do
 * not line up one to one with the placemarks (then togeojson's reading is left as it is).
 */
export function fixKmlBools(doc: XmlNode, features: readonly { properties: Record<string, unknown> | null }[]): void {
  const names = new Set<string>();
  for (const field of Array.from(doc.getElementsByTagName('SimpleField'))) {
    const name = field.getAttribute('name');
    if (name && field.getAttribute('type')?.trim().toLowerCase() === 'bool') names.add(name);
  }
  if (!names.size) return;
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  if (placemarks.length !== features.length) return;
  placemarks.forEach((placemark, i) => {
    const props = features[i]!.properties;
    if (!props) return;
    for (const data of Array.from(placemark.getElementsByTagName('SimpleData'))) {
      const name = data.getAttribute('name');
      if (name && names.has(name)) props[name] = kmlBoolText(data.textContent ?? '');
    }
  });
}
