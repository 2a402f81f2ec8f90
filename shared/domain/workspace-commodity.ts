/**
 * A workspace commodity: a name a workspace adds to the curated commodity list
 * (shared/domain/commodities.ts) because its seizures name something the list lacks, e.g. "Dried
 * seahorses". Stored in the workspace doc, map `commodities` (shared/docs/workspace-commodities.ts).
 *
 * `aliases` is one field (a list written as a whole): two admins editing it at once keep the later
 * list, never a mixture. Names must be free — neither a curated name or alias nor another workspace
 * entry's — which the doc view checks against the doc when writing ({@link commodityCatalogue}).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { CRIME_SECTORS, QUANTITY_UNITS } from './codes';
import { commodityKey } from './commodities';
import { idSchema, lineSchema } from './fields';

/** At most this many aliases per workspace commodity. */
export const MAX_COMMODITY_ALIASES = 30;

/**
 * Per-field schemas of a workspace commodity. `name` is what the seizure form writes when picked;
 * `unit` the unit such seizures are usually counted in (a suggestion); `citesTerm` the CITES
 * annual-report term code (three capital letters, e.g. "DER") or null; `aliases` other spellings
 * that mean the same; `note` and `source` say why it was added and on whose authority.
 */
export const workspaceCommodityFieldSchemas = {
  name: lineSchema(200).min(1, t('field.required')),
  sector: z.enum(CRIME_SECTORS),
  unit: z.enum(QUANTITY_UNITS),
  citesTerm: z.string().trim().regex(/^[A-Z]{3}$/, t('commodity.cites-term')).nullable(),
  aliases: z.array(lineSchema(200).min(1, t('field.required'))).max(MAX_COMMODITY_ALIASES, t('commodity.too-many-aliases', { max: MAX_COMMODITY_ALIASES })),
  note: z.string().max(2000, t('field.max-characters', { max: 2000 })),
  source: lineSchema(500),
} as const;

/** Names of the editable fields. */
export type WorkspaceCommodityField = keyof typeof workspaceCommodityFieldSchemas;

/** Cross-field rule: the name and aliases are distinct by their matching key. */
function checkNames(c: { name: string; aliases: readonly string[] }, ctx: z.RefinementCtx): void {
  const seen = new Set([commodityKey(c.name)]);
  c.aliases.forEach((a, i) => {
    const k = commodityKey(a);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['aliases', i], message: t('commodity.alias-repeated', { alias: a.trim() }) });
    seen.add(k);
  });
}

/** All editable fields, with the cross-field rule. */
export const workspaceCommodityFieldsSchema = z.object(workspaceCommodityFieldSchemas).superRefine(checkNames);
/** All editable fields of a workspace commodity. */
export type WorkspaceCommodityFields = z.infer<typeof workspaceCommodityFieldsSchema>;

/** A workspace commodity as stored: fields plus id and authorship stamps (ms since epoch). */
export const workspaceCommoditySchema = z
  .object({
    ...workspaceCommodityFieldSchemas,
    id: idSchema,
    createdBy: z.string(),
    createdAt: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.number().int(),
  })
  .superRefine(checkNames);
/** A workspace commodity as stored. */
export type WorkspaceCommodity = z.infer<typeof workspaceCommoditySchema>;

/** A blank workspace commodity for the "add" form (sector 'other', counted in kg until the admin says otherwise). */
export function newWorkspaceCommodityFields(): WorkspaceCommodityFields {
  return { name: '', sector: 'other', unit: 'kg', citesTerm: null, aliases: [], note: '', source: '' };
}
