/**
 * What "an equivalent bundle" means for the round trip (docs/stix.md): the same multiset of
 * objects once each object's `id`, `created` and `modified` are dropped, every reference (`*_ref`,
 * `*_refs`) is replaced by the referenced object's own content (without its references), and the
 * case number (new for the imported case) is blanked in the grouping's name and extension.
 */
import { NEST_EXTENSION_ID } from '../../../service/stix/markings';
import type { StixBundle } from '../../../service/stix/export-bundle';

type O = Record<string, unknown>;

/** `o` without id, timestamps and references; the case number blanked. */
function content(o: O): O {
  const out: O = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'id' || k === 'created' || k === 'modified' || k.endsWith('_ref') || k.endsWith('_refs')) continue;
    out[k] = v;
  }
  if (o.type === 'grouping') {
    out.name = String(o.name).replace(/^\S+ /, '<number> ');
    const ext = (o.extensions as Record<string, { case: O }>)[NEST_EXTENSION_ID]!;
    out.extensions = { [NEST_EXTENSION_ID]: { ...ext, case: { ...ext.case, number: '<number>' } } };
  }
  return out;
}

/** The bundle's objects in comparable form, sorted. */
export function normalised(b: StixBundle): string[] {
  const byId = new Map(b.objects.map((o) => [o.id, o as O]));
  const sig = (id: unknown): unknown => {
    const t = byId.get(String(id));
    return t ? content(t) : `missing:${String(id)}`;
  };
  return b.objects
    .map((o) => {
      const c = content(o as O);
      for (const [k, v] of Object.entries(o)) {
        if (k.endsWith('_refs') && Array.isArray(v)) c[k] = v.map(sig).map((x) => JSON.stringify(x)).sort();
        else if (k.endsWith('_ref')) c[k] = sig(v);
      }
      return JSON.stringify(c);
    })
    .sort();
}
