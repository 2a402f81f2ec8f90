/**
 * Every field the full-text index promises (service/projections/projector.ts, entity-search.ts,
 * evidence-search.ts; docs/entities.md "Search") is searchable, one field at a time: each field
 * holds a word found nowhere else, and `search.query` for that word returns exactly the record
 * (case, seizure or entity) the field belongs to. A field dropped from a row's title or body makes
 * its line fail, named by the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseNotes } from '../../../shared/docs/case-notes';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { newCaseFields } from '../../../shared/domain/case';
import { newLinkFields } from '../../../shared/domain/entity-links';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const SEIZURE = '11111111-1111-4111-8111-111111111111';
const PERSON = '22222222-2222-4222-8222-222222222222';
const VESSEL = '33333333-3333-4333-8333-333333333333';
const COMPANY = '44444444-4444-4444-8444-444444444444';
const EXHIBIT = '55555555-5555-4555-8555-555555555555';

describe('every FTS field is indexed', () => {
  it('finds each field of a case, a seizure and an entity by a word only that field holds', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Siti Rahman', agency: 'Singapore Customs', role: 'admin' });
    const wsSummary = await c.call('workspaces.create', { name: 'SG', casePrefix: 'SGNEST', reportingCurrency: 'SGD' });
    const ws = h.service.workspace(wsSummary.id);
    const w = { memberId: me.memberId };
    const kase = await c.call('cases.create', {
      workspaceId: ws.id,
      fields: { ...newCaseFields('2026-12-06'), title: 'Titleword', leadAgency: 'Leadagencyword', jurisdictions: ['MZ'], participatingAgencies: ['Participantword'], tags: ['tagword'] },
    });
    ws.host.with(ws.caseDocName(kase.id), (doc) => {
      const cd = new CaseDoc(doc);
      cd.setSummary('Summaryword', w);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Summaryword Notesword')]);
      doc.transact(() => new CaseNotes(doc).fragment.insert(0, [p]), { memberId: me.memberId, kind: 'local-write' });
      new CaseTasks(doc).add([{ id: crypto.randomUUID(), fields: { title: 'Taskword', agency: 'Taskagencyword' } }], w);
      new CaseExhibits(doc).add(EXHIBIT, { ...newExhibitFields(), description: 'Exhibitword', sealNumber: 'SEAL-7731', storageLocation: 'Storageword', currentHolder: 'Holderword' }, w);
      new CaseCustody(doc).record(
        crypto.randomUUID(),
        { exhibitId: EXHIBIT, releasedBy: 'Releaserword', receivedBy: 'Receiverword', at: 1_780_000_000_000, place: 'Custodyplaceword', purpose: '', sealIntact: false, newSealNumber: 'SEAL-8842', condition: '', corrects: null },
        w,
        () => true,
      );
      cd.addSeizure(
        SEIZURE,
        {
          ...newSeizureFields('2019-04-03'),
          commodity: 'Commodityword',
          taxon: 'Taxonword',
          country: 'KE',
          place: 'Placeword',
          operation: 'Operationword',
          seizingAgencies: ['Seizingagencyword'],
          sourceTitle: 'Sourcetitleword',
          notes: 'Seizurenotesword',
          originCountries: ['TZ'],
          destinationCountries: ['LA'],
        },
        w,
      );
      cd.addEntity(PERSON, { kind: 'person', name: 'Personnameword', aliases: ['Aliasword'], birthDate: '', nationalities: ['NG'], idDocuments: [{ type: 'passport', number: 'A01234567', country: 'NG' }], notes: 'Personnotesword' }, w);
      cd.addEntity(VESSEL, { kind: 'vessel', name: 'Vesselnameword', aliases: [], imo: '4712390', mmsi: '636019825', flag: 'LR', callSign: 'CALLSIGNWORD', notes: '' }, w);
      cd.addEntity(COMPANY, { kind: 'organisation', name: 'Companynameword', aliases: [], registrationNumber: 'RC1482736', jurisdiction: 'NG', notes: '' }, w);
      cd.addLink(crypto.randomUUID(), { ...newLinkFields(COMPANY, VESSEL, 'operator'), source: 'Linksourceword', note: 'Linknoteword' }, w);
    });

    const hits = async (text: string): Promise<string[]> => (await c.call('search.query', { workspaceId: ws.id, text })).map((x) => `${x.kind}:${x.recordId}`).sort();
    const theCase = `case:${kase.id}`;
    const expected: [field: string, text: string, records: string[]][] = [
      ['case number', kase.number, [theCase]],
      ['case title', 'Titleword', [theCase]],
      ['case lead agency', 'Leadagencyword', [theCase]],
      ['case summary', 'Summaryword', [theCase]],
      ['case notes', 'Notesword', [theCase]],
      ['case jurisdictions', 'MZ', [theCase]],
      ['case participating agencies', 'Participantword', [theCase]],
      ['case tags', 'tagword', [theCase]],
      ['task title', 'Taskword', [theCase]],
      ['task agency', 'Taskagencyword', [theCase]],
      ['exhibit description', 'Exhibitword', [theCase]],
      ['exhibit seal number', 'SEAL-7731', [theCase]],
      ['exhibit storage location', 'Storageword', [theCase]],
      ['exhibit holder', 'Holderword', [theCase]],
      ['custody released by', 'Releaserword', [theCase]],
      ['custody received by', 'Receiverword', [theCase]],
      ['custody place', 'Custodyplaceword', [theCase]],
      ['custody new seal', 'SEAL-8842', [theCase]],
      ['seizure commodity', 'Commodityword', [`seizure:${SEIZURE}`]],
      ['seizure taxon', 'Taxonword', [`seizure:${SEIZURE}`]],
      ['seizure place', 'Placeword', [`seizure:${SEIZURE}`]],
      ['seizure country', 'KE', [`seizure:${SEIZURE}`]],
      ['seizure operation', 'Operationword', [`seizure:${SEIZURE}`]],
      ['seizure agencies', 'Seizingagencyword', [`seizure:${SEIZURE}`]],
      ['seizure source title', 'Sourcetitleword', [`seizure:${SEIZURE}`]],
      ['seizure notes', 'Seizurenotesword', [`seizure:${SEIZURE}`]],
      ['seizure origin', 'TZ', [`seizure:${SEIZURE}`]],
      ['seizure destination', 'LA', [`seizure:${SEIZURE}`]],
      ['person name', 'Personnameword', [`entity:${PERSON}`]],
      ['person alias', 'Aliasword', [`entity:${PERSON}`]],
      ['person passport with scheme', 'passport A01234567', [`entity:${PERSON}`]],
      ['person notes', 'Personnotesword', [`entity:${PERSON}`]],
      ['vessel IMO with scheme', 'imo 4712390', [`entity:${VESSEL}`]],
      ['vessel MMSI with scheme', 'mmsi 636019825', [`entity:${VESSEL}`]],
      ['vessel call sign', 'CALLSIGNWORD', [`entity:${VESSEL}`]],
      ['company registration', 'RC1482736', [`entity:${COMPANY}`]],
      // A link's source and note are in its from-end; its source also in its to-end.
      ['link source', 'Linksourceword', [`entity:${COMPANY}`, `entity:${VESSEL}`].sort()],
      ['link note', 'Linknoteword', [`entity:${COMPANY}`]],
      ['link other end', 'Companynameword operator', [`entity:${VESSEL}`, `entity:${COMPANY}`].sort()],
    ];
    const failures: string[] = [];
    for (const [field, text, records] of expected) {
      const got = await hits(text);
      if (JSON.stringify(got) !== JSON.stringify([...records].sort())) failures.push(`${field} ("${text}"): got ${JSON.stringify(got)}`);
    }
    expect(failures).toEqual([]);
  });
});
