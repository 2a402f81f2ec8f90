/**
 * Entity fields (FollowTheMoney-style): identifiers stored canonical or refused with the reason,
 * and the identifiers an entity is matched by across cases (strong) or only by name (weak).
 */
import { describe, expect, it } from 'vitest';
import { entityFieldsSchema, parsePhone, strongIdentifiers, type EntityFieldsInput } from '../../../shared/domain/entities';

function parse(e: EntityFieldsInput) {
  return entityFieldsSchema.safeParse(e);
}

function messages(e: EntityFieldsInput): string[] {
  const r = parse(e);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const vessel: EntityFieldsInput = { kind: 'vessel', name: 'Ocean Star', aliases: [], imo: 'IMO 9074729', mmsi: '563 012 345', flag: 'SG', callSign: '9V1234', notes: '' };

describe('entity fields', () => {
  it('stores a vessel’s IMO and MMSI in canonical form', () => {
    const r = parse(vessel);
    expect(r.success && r.data).toMatchObject({ kind: 'vessel', imo: '9074729', mmsi: '563012345', flag: 'SG' });
  });

  it('refuses a vessel whose IMO check digit is wrong, naming the field and the right digit', () => {
    expect(messages({ ...vessel, imo: '9074728' })).toEqual(['imo: “9074728” is not a valid IMO number: its last digit should be 9 (check digit). Check the number against the ship’s certificate or the IMO database']);
    expect(messages({ ...vessel, mmsi: '12345' })).toEqual(['mmsi: “12345” is not an MMSI: an MMSI has exactly 9 digits']);
  });

  it('keeps unknown identifiers empty rather than inventing them', () => {
    const r = parse({ ...vessel, imo: '', mmsi: '  ' });
    expect(r.success && [r.data.kind === 'vessel' && r.data.imo, r.data.kind === 'vessel' && r.data.mmsi]).toEqual(['', '']);
  });

  it('checks IBANs, phones, e-mail addresses, countries and coordinate pairs', () => {
    const account: EntityFieldsInput = { kind: 'bank-account', iban: 'gb82 west 1234 5698 7654 32', accountNumber: '', bank: 'West Bank plc', holder: 'Ngoc Phat Co.', country: 'GB', notes: '' };
    const ok = parse(account);
    expect(ok.success && ok.data.kind === 'bank-account' && ok.data.iban).toBe('GB82WEST12345698765432');
    expect(messages({ ...account, iban: 'GB82 WEST 1234 5698 7654 33' })).toEqual(['iban: “GB82 WEST 1234 5698 7654 33” is not a valid IBAN: its check digits do not match (a digit may be mistyped)']);
    expect(messages({ kind: 'phone', number: '6123 4567', notes: '' })).toEqual(['number: “6123 4567” is not an international phone number: write + and the country code, e.g. +65 6123 4567 (at most 15 digits)']);
    expect(messages({ kind: 'phone', number: '', notes: '' })).toEqual(['number: is required']);
    const phone = parse({ kind: 'phone', number: '+65 (6123) 45-67', notes: '' });
    expect(phone.success && phone.data.kind === 'phone' && phone.data.number).toBe('+6561234567');
    const mail = parse({ kind: 'email', address: ' Trader@Example.COM ', notes: '' });
    expect(mail.success && mail.data.kind === 'email' && mail.data.address).toBe('trader@example.com');
    expect(messages({ kind: 'email', address: 'not-an-address', notes: '' })).toEqual(['address: must be an e-mail address, e.g. name@agency.gov']);
    expect(messages({ kind: 'person', name: 'A. Mwangi', aliases: [], birthDate: '1980-02-30', nationalities: ['KE', 'KE'], idDocuments: [], notes: '' })).toEqual([
      'birthDate: must be a real date written YYYY-MM-DD',
      'nationalities: must not repeat a country',
    ]);
    expect(messages({ kind: 'address', full: 'Pasir Panjang Terminal', country: 'SG', latitude: 1.27, longitude: null, notes: '' })).toEqual(['latitude: latitude and longitude must both be given or both be empty']);
    expect(messages({ kind: 'crypto-wallet', currency: 'btc', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', notes: '' })).toEqual(['currency: must be the currency’s ticker in capitals, e.g. BTC, ETH, USDT']);
  });

  it('parses E.164 numbers: + and 7 to 15 digits, no leading zero in the country code', () => {
    expect(parsePhone('+1 202 555 0143')).toEqual({ ok: true, value: '+12025550143', kind: 'phone' });
    expect(parsePhone('+1234567')).toMatchObject({ ok: true, value: '+1234567' });
    expect(parsePhone('+123456')).toMatchObject({ ok: false });
    expect(parsePhone('+1234567890123456')).toMatchObject({ ok: false }); // 16 digits
    expect(parsePhone('+0123456789')).toMatchObject({ ok: false });
    expect(parsePhone('0065 6123 4567')).toMatchObject({ ok: false, id: 'identifier.phone' });
  });
});

describe('strongIdentifiers', () => {
  it('lists a vessel’s IMO and MMSI as strong and its names as weak', () => {
    const r = parse({ ...vessel, aliases: ['OCEAN STAR', 'Sea Pearl'] });
    expect(r.success && strongIdentifiers(r.data)).toEqual([
      { scheme: 'name', value: 'ocean star', weak: true },
      { scheme: 'name', value: 'sea pearl', weak: true },
      { scheme: 'imo', value: '9074729', weak: false },
      { scheme: 'mmsi', value: '563012345', weak: false },
    ]);
  });

  it('scopes documents, registrations, plates and accounts by country, and skips what is unknown', () => {
    const person = parse({ kind: 'person', name: 'Ali Mohamed', aliases: [], birthDate: '', nationalities: ['NG'], idDocuments: [{ type: 'passport', number: 'a 1234 567', country: 'NG' }, { type: 'national-id', number: 'X9', country: '' }], notes: '' });
    expect(person.success && strongIdentifiers(person.data)).toEqual([
      { scheme: 'name', value: 'ali mohamed', weak: true },
      { scheme: 'passport:NG', value: 'A1234567', weak: false },
      { scheme: 'national-id:??', value: 'X9', weak: false },
    ]);
    const org = parse({ kind: 'organisation', name: 'Ngọc Phát Co., Ltd.', aliases: [], registrationNumber: '', jurisdiction: 'VN', notes: '' });
    expect(org.success && strongIdentifiers(org.data)).toEqual([{ scheme: 'name', value: 'ngoc phat co ltd', weak: true }]);
    const car = parse({ kind: 'vehicle', plate: 'kbz-123 a', country: 'KE', description: 'white Toyota pick-up', notes: '' });
    expect(car.success && strongIdentifiers(car.data)).toEqual([{ scheme: 'plate:KE', value: 'KBZ123A', weak: false }]);
    const plane = parse({ kind: 'aircraft', registration: '5y-abc', description: '', notes: '' });
    expect(plane.success && strongIdentifiers(plane.data)).toEqual([{ scheme: 'aircraft', value: '5Y-ABC', weak: false }]);
    const acct = parse({ kind: 'bank-account', iban: '', accountNumber: '0123-456 789', bank: '', holder: '', country: 'SG', notes: '' });
    expect(acct.success && strongIdentifiers(acct.data)).toEqual([{ scheme: 'account:SG', value: '0123456789', weak: false }]);
    const wallet = parse({ kind: 'crypto-wallet', currency: 'ETH', address: ' 0xAbC0000000000000000000000000000000000001 ', notes: '' });
    expect(wallet.success && strongIdentifiers(wallet.data)).toEqual([{ scheme: 'wallet:ETH', value: '0xAbC0000000000000000000000000000000000001', weak: false }]);
    const place = parse({ kind: 'address', full: 'Jalan Besar 12, Singapore', country: 'SG', latitude: null, longitude: null, notes: '' });
    expect(place.success && strongIdentifiers(place.data)).toEqual([{ scheme: 'address', value: 'jalan besar 12 singapore', weak: true }]);
  });

  it('lists a name repeated as an alias once', () => {
    const r = parse({ ...vessel, imo: '', mmsi: '', aliases: ['Océan Star'] });
    expect(r.success && strongIdentifiers(r.data)).toEqual([{ scheme: 'name', value: 'ocean star', weak: true }]);
  });
});
