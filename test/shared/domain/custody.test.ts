/**
 * custodyChain decides what a custody log says in court: which entries are in force after
 * corrections, and every gap, time inversion, dangling correction and holder mismatch. Each case
 * below pins one rule so that a change to it fails here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTODY_CLOCK_TOLERANCE_MS, custodyChain, custodyFieldsSchema, custodyRefusals, samePerson, type CustodyEntry } from '../../../shared/domain/custody';
import { t } from '../../../shared/messages/format';

const EX = '11111111-1111-4111-8111-111111111111';
const OTHER = '99999999-9999-4999-8999-999999999999';
const H = 3_600_000;
const T0 = 1_780_000_000_000;

let n = 0;
function entry(p: Partial<CustodyEntry> & { releasedBy: string; receivedBy: string }): CustodyEntry {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    exhibitId: EX,
    at: T0 + n * H,
    place: 'Port Klang',
    purpose: 'transfer',
    sealIntact: true,
    newSealNumber: '',
    condition: 'sealed bag',
    corrects: null,
    recordedBy: 'm1',
    recordedAt: T0 + n * H + 60_000,
    ...p,
  };
}

describe('custodyChain', () => {
  it('a clean chain: every entry in force in recording order, no issues', () => {
    const a = entry({ releasedBy: 'Officer Tan', receivedBy: 'Sgt Lim' });
    const b = entry({ releasedBy: 'Sgt Lim', receivedBy: 'Lab Chen' });
    const c = entry({ releasedBy: 'Lab Chen', receivedBy: 'Store Ng' });
    const chain = custodyChain(EX, [c, a, b], 'Store Ng');
    expect(chain.links.map((l) => l.entry.id)).toEqual([a.id, b.id, c.id]);
    expect(chain.links.every((l) => l.replaces.length === 0)).toBe(true);
    expect(chain.issues).toEqual([]);
  });

  it('an empty log has no links and no issues, whatever the holder', () => {
    expect(custodyChain(EX, [], 'Anyone')).toEqual({ links: [], issues: [] });
  });

  it('flags a gap where the releaser is not the previous receiver', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim' });
    const b = entry({ releasedBy: 'Chen', receivedBy: 'Ng' });
    expect(custodyChain(EX, [a, b]).issues).toEqual([{ kind: 'gap', entryId: b.id, previousId: a.id }]);
  });

  it('compares people ignoring case, surrounding and repeated spaces, but not other letters', () => {
    expect(samePerson('  Sgt  Lim ', 'sgt lim')).toBe(true);
    expect(samePerson('Sgt Lim', 'Sgt Lin')).toBe(false);
    expect(samePerson('SgtLim', 'Sgt Lim')).toBe(false);
    expect(samePerson('Sgt Lim', 'Sgt Lím')).toBe(false);
    // Invisible format characters, compatibility forms and a trailing full stop do not make another person (tester G-CUS-1).
    expect(samePerson('Jane Doe', 'Jane\u200BDoe')).toBe(true);
    expect(samePerson('Jane\u200BDoe', 'Jane Doe')).toBe(true);
    expect(samePerson('Jane Doe', 'Ja\u200Bne Doe')).toBe(true);
    expect(samePerson('Jane Doe', '\u200EJane Doe\u200F')).toBe(true);
    expect(samePerson('Jane Doe', 'Ｊａｎｅ Ｄｏｅ')).toBe(true);
    expect(samePerson('Jane Doe', 'Jane Doe.')).toBe(true);
    expect(samePerson('Jane Doe', 'Jane Doe ,')).toBe(true);
    expect(samePerson('Jane Doe', 'Jane Doe.,')).toBe(true);
    expect(samePerson('Jane Doe', 'Jane Doe-')).toBe(false);
    expect(samePerson('Jane Doe', 'Jane\u200BDoes')).toBe(false);
    expect(samePerson('Jane.Doe', 'Jane Doe')).toBe(false);
    const a = entry({ releasedBy: 'Tan', receivedBy: 'SGT  LIM' });
    const b = entry({ releasedBy: ' sgt lim', receivedBy: 'Ng' });
    expect(custodyChain(EX, [a, b]).issues).toEqual([]);
  });

  it('flags a time inversion: a hand-over dated before the one recorded before it', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim', at: T0 + 10 * H });
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng', at: T0 + 9 * H });
    expect(custodyChain(EX, [a, b]).issues).toEqual([{ kind: 'time-inversion', entryId: b.id, previousId: a.id }]);
  });

  it('equal times are not an inversion; one millisecond earlier is', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim', at: T0 })
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng', at: T0 });
    expect(custodyChain(EX, [a, b]).issues).toEqual([]);
    const c = entry({ releasedBy: 'Lim', receivedBy: 'Ng', at: T0 - 1 });
    expect(custodyChain(EX, [a, c]).issues).toEqual([{ kind: 'time-inversion', entryId: c.id, previousId: a.id }]);
  });

  it('reports a gap and an inversion of the same hand-over both', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim', at: T0 + 5 * H });
    const b = entry({ releasedBy: 'Chen', receivedBy: 'Ng', at: T0 });
    expect(custodyChain(EX, [a, b]).issues).toEqual([
      { kind: 'gap', entryId: b.id, previousId: a.id },
      { kind: 'time-inversion', entryId: b.id, previousId: a.id },
    ]);
  });

  it('orders by recording time, then id, not by log position', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim', recordedAt: T0 });
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng', recordedAt: T0 + 1 });
    const c = { ...entry({ releasedBy: 'Ng', receivedBy: 'Ong', recordedAt: T0 + 1 }), id: '00000000-0000-4000-8000-000000000000' };
    expect(custodyChain(EX, [b, c, a]).links.map((l) => l.entry.id)).toEqual([a.id, c.id, b.id]);
    expect(custodyChain(EX, [a, b, c]).links.map((l) => l.entry.id)).toEqual([a.id, c.id, b.id]);
    const d = { ...c, id: 'ffffffff-0000-4000-8000-000000000000' };
    expect(custodyChain(EX, [d, b, a]).links.map((l) => l.entry.id)).toEqual([a.id, b.id, d.id]);
    expect(custodyChain(EX, [a, b, d]).links.map((l) => l.entry.id)).toEqual([a.id, b.id, d.id]);
  });

  it('ignores other exhibits’ entries', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim' });
    const x = entry({ releasedBy: 'Zed', receivedBy: 'Yan', exhibitId: OTHER });
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng' });
    const chain = custodyChain(EX, [a, x, b]);
    expect(chain.links.map((l) => l.entry.id)).toEqual([a.id, b.id]);
    expect(chain.issues).toEqual([]);
  });

  it('a correction takes the corrected entry’s place; both are kept', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lem' }); // typo
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng' });
    const fix = entry({ releasedBy: 'Tan', receivedBy: 'Lim', corrects: a.id, at: a.at });
    const before = custodyChain(EX, [a, b]);
    expect(before.issues).toEqual([{ kind: 'gap', entryId: b.id, previousId: a.id }]);
    const after = custodyChain(EX, [a, b, fix]);
    expect(after.links.map((l) => l.entry.id)).toEqual([fix.id, b.id]);
    expect(after.links[0]!.replaces.map((e) => e.id)).toEqual([a.id]);
    expect(after.links[1]!.replaces).toEqual([]);
    expect(after.issues).toEqual([]);
  });

  it('a correction of a correction replaces both, oldest first in `replaces`', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'X' });
    const f1 = entry({ releasedBy: 'Tan', receivedBy: 'Y', corrects: a.id });
    const f2 = entry({ releasedBy: 'Tan', receivedBy: 'Lim', corrects: f1.id });
    const chain = custodyChain(EX, [f2, a, f1]);
    expect(chain.links).toHaveLength(1);
    expect(chain.links[0]!.entry.id).toBe(f2.id);
    expect(chain.links[0]!.replaces.map((e) => e.id)).toEqual([a.id, f1.id]);
  });

  it('two corrections of one entry: the one recorded last is in force', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'X' });
    const f1 = entry({ releasedBy: 'Tan', receivedBy: 'Y', corrects: a.id });
    const f2 = entry({ releasedBy: 'Tan', receivedBy: 'Z', corrects: a.id });
    const chain = custodyChain(EX, [f2, f1, a]);
    expect(chain.links.map((l) => l.entry.id)).toEqual([f2.id]);
    expect(chain.links[0]!.replaces.map((e) => e.id)).toEqual([a.id, f1.id]);
  });

  it('a corrected time removes the inversion it caused', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim', at: T0 + 2 * H });
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng', at: T0 + H });
    expect(custodyChain(EX, [a, b]).issues.map((i) => i.kind)).toEqual(['time-inversion']);
    const fix = entry({ releasedBy: 'Lim', receivedBy: 'Ng', at: T0 + 3 * H, corrects: b.id });
    expect(custodyChain(EX, [a, b, fix]).issues).toEqual([]);
  });

  it('flags a correction of an entry not in this exhibit’s log, and keeps it as its own link', () => {
    const x = entry({ releasedBy: 'Zed', receivedBy: 'Yan', exhibitId: OTHER });
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim' });
    const bad = entry({ releasedBy: 'Lim', receivedBy: 'Ng', corrects: x.id });
    const chain = custodyChain(EX, [x, a, bad]);
    expect(chain.links.map((l) => l.entry.id)).toEqual([a.id, bad.id]);
    expect(chain.issues).toEqual([{ kind: 'unknown-correction', entryId: bad.id }]);
  });

  it('survives a correction cycle written by a hostile peer', () => {
    const a0 = entry({ releasedBy: 'Tan', receivedBy: 'Lim' });
    const b0 = entry({ releasedBy: 'Lim', receivedBy: 'Ng' });
    const a = { ...a0, corrects: b0.id };
    const b = { ...b0, corrects: a0.id };
    const chain = custodyChain(EX, [a, b]);
    expect(chain.links.flatMap((l) => [l.entry.id, ...l.replaces.map((e) => e.id)]).sort()).toEqual([a.id, b.id].sort());
  });

  it('flags a current holder who is not the last receiver', () => {
    const a = entry({ releasedBy: 'Tan', receivedBy: 'Lim' });
    const b = entry({ releasedBy: 'Lim', receivedBy: 'Ng' });
    expect(custodyChain(EX, [a, b], 'Lim').issues).toEqual([{ kind: 'holder-mismatch', entryId: b.id }]);
    expect(custodyChain(EX, [a, b], ' ng ').issues).toEqual([]);
    expect(custodyChain(EX, [a, b], '').issues).toEqual([]);
    expect(custodyChain(EX, [a, b], '   ').issues).toEqual([]);
    expect(custodyChain(EX, [a, b]).issues).toEqual([]);
  });

  it('checks every consecutive pair, not only the first or last', () => {
    const a = entry({ releasedBy: 'A', receivedBy: 'B' });
    const b = entry({ releasedBy: 'B', receivedBy: 'C' });
    const c = entry({ releasedBy: 'X', receivedBy: 'D' });
    const d = entry({ releasedBy: 'D', receivedBy: 'E' });
    const e = entry({ releasedBy: 'E', receivedBy: 'F' });
    expect(custodyChain(EX, [a, b, c, d, e]).issues).toEqual([{ kind: 'gap', entryId: c.id, previousId: b.id }]);
  });
});

describe('custodyFieldsSchema', () => {
  const base = { exhibitId: EX, releasedBy: 'Tan', receivedBy: 'Lim', at: T0, place: '', purpose: '', sealIntact: true, newSealNumber: '', condition: '', corrects: null };
  it('accepts an intact seal without a new number', () => {
    expect(custodyFieldsSchema().safeParse(base).success).toBe(true);
  });
  it('requires a new seal number when the seal was broken', () => {
    const r = custodyFieldsSchema().safeParse({ ...base, sealIntact: false });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['newSealNumber']);
    expect(r.error?.issues[0]?.message).toBe(t('custody.new-seal-required'));
    expect(custodyFieldsSchema().safeParse({ ...base, sealIntact: false, newSealNumber: 'S-1' }).success).toBe(true);
  });
  it('requires who released and who received', () => {
    expect(custodyFieldsSchema().safeParse({ ...base, releasedBy: ' ' }).error?.issues.map((i) => [i.path, i.message])).toEqual([[['releasedBy'], t('field.required')]]);
    expect(custodyFieldsSchema().safeParse({ ...base, receivedBy: '' }).error?.issues.map((i) => [i.path, i.message])).toEqual([[['receivedBy'], t('field.required')]]);
  });
});

describe('custodyRefusals (tester F-CUST-3)', () => {
  const now = T0;
  it('accepts a hand-over up to five minutes ahead of the clock and refuses one a second later', () => {
    expect(CUSTODY_CLOCK_TOLERANCE_MS).toBe(300_000);
    expect(custodyRefusals({ releasedBy: 'Tan', receivedBy: 'Lim', at: now - 2 * H }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: 'Tan', receivedBy: 'Lim', at: now + 300_000 }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: 'Tan', receivedBy: 'Lim', at: now + 301_000 }, now)).toEqual([{ field: 'at', id: 'custody.future' }]);
  });

  it('refuses a hand-over from a person to themselves, however the name is spaced or cased', () => {
    expect(custodyRefusals({ releasedBy: 'Insp. Ade', receivedBy: '  insp.   ade ', at: now }, now)).toEqual([{ field: 'receivedBy', id: 'custody.self-handover' }]);
    expect(custodyRefusals({ releasedBy: 'Insp. Ade', receivedBy: 'Insp. Adé', at: now }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: 'Tan', receivedBy: 'Tan', at: now + H }, now)).toEqual([
      { field: 'at', id: 'custody.future' },
      { field: 'receivedBy', id: 'custody.self-handover' },
    ]);
  });

  it('leaves blank names to the schema: two blank or blank-looking names are not a self hand-over', () => {
    expect(custodyRefusals({ releasedBy: '', receivedBy: '', at: now }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: '   ', receivedBy: ' ', at: now }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: '', receivedBy: 'Lim', at: now }, now)).toEqual([]);
    expect(custodyRefusals({ releasedBy: 'Lim', receivedBy: '', at: now }, now)).toEqual([]);
  });

  it('has a sentence for each refusal', () => {
    expect(t('custody.future')).toMatch(/cannot be dated in the future/);
    expect(t('custody.self-handover')).toMatch(/from one person to another/);
  });
});
