/**
 * The entity form's logic: live checks use the case doc's own schema and the catalogue's reasons
 * (IMO check digit, IBAN, E.164, required fields); a draft round-trips to fields the case doc
 * accepts; a person's passport pair keeps their other documents; labels read in English.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkAll, checkField, displayLabel, draftOf, fieldLabel, fieldsOf } from '../../../renderer/src/entities/entity-form';
import { addKindLabel, keyIdentifiers, kindLabel, relationshipLabel } from '../../../renderer/src/entities/entity-labels';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { entityFields } from '../../../shared/docs/case-entities';
import { newCaseFields } from '../../../shared/domain/case';

const w = { memberId: 'alice', now: () => 1 };

describe('entity form', () => {
  it('checks identifiers while typing with the catalogue reasons', () => {
    expect(checkField('vessel', 'imo', { imo: '9074728' })).toContain('its last digit should be 9');
    expect(checkField('vessel', 'imo', { imo: 'IMO 9074729' })).toBeUndefined();
    expect(checkField('vessel', 'mmsi', { mmsi: '12345' })).toContain('exactly 9 digits');
    expect(checkField('bank-account', 'iban', { iban: 'GB82 WEST 1234 5698 7654 33' })).toContain('check digits do not match');
    expect(checkField('phone', 'number', { number: '6123 4567' })).toContain('not an international phone number');
    expect(checkField('vessel', 'name', { name: ' ' })).toBe('is required');
    expect(Object.keys(checkAll('address', { full: 'Jalan 1', latitude: '95', longitude: '' }))).toEqual(['latitude']);
  });

  it('turns a draft into fields the case doc stores canonically, and back', () => {
    const cd = new CaseDoc(new Y.Doc());
    cd.init('11111111-1111-4111-8111-111111111111', 'NEST-2026-0001', { ...newCaseFields('2026-01-01'), title: 'Pangolins' }, w);
    const id = '22222222-2222-4222-8222-222222222222';
    const draft = { ...draftOf('person', null), name: 'Chukwuemeka Okafor', aliases: 'Emeka\n\nC. Okafor', nationalities: 'ng, gh', passport: 'A01234567', passportCountry: 'ng' };
    cd.addEntity(id, fieldsOf('person', draft, null), w);
    const e = cd.getEntity(id)!;
    expect(e.kind === 'person' && [e.aliases, e.nationalities, e.idDocuments]).toEqual([['Emeka', 'C. Okafor'], ['NG', 'GH'], [{ type: 'passport', number: 'A01234567', country: 'NG' }]]);
    expect(draftOf('person', entityFields(e))).toMatchObject({ aliases: 'Emeka\nC. Okafor', nationalities: 'NG, GH', passport: 'A01234567', passportCountry: 'NG' });
    expect(keyIdentifiers(entityFields(e))).toBe('passport (NG) A01234567');
  });

  it('reads kinds and relationships in English (ICU select keys without hyphens)', () => {
    expect(kindLabel('bank-account')).toBe('Bank account');
    expect(kindLabel('crypto-wallet')).toBe('Crypto wallet');
    expect(relationshipLabel('master-of')).toBe('master of');
    expect(relationshipLabel('holds-account')).toBe('holds account');
    expect(addKindLabel('email')).toBe('Add E-mail address');
  });

  it('reads field labels without their typing hints in the detail panel', () => {
    expect(fieldLabel('flag')).toBe('Flag (ISO code)');
    expect(displayLabel('flag')).toBe('Flag');
    expect(displayLabel('aliases')).toBe('Aliases');
    expect(displayLabel('nationalities')).toBe('Nationalities');
    expect(displayLabel('passportCountry')).toBe('Passport country');
    expect(displayLabel('imo')).toBe('IMO number');
  });
});
