/**
 * Issue 11 item 5: a KML description in CDATA/HTML is stored as its text, not as the JSON text
 * `{"@type":"html",…}`; typed SchemaData values are read as the numbers and booleans they are.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { htmlToText } from '../../../service/import/html-text';

const kml = (placemark: string, schema = '') =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${schema}${placemark}</Document></kml>`);

describe('KML descriptions in HTML', () => {
  it('a CDATA description with <b>, <br> and entities becomes its text in the notes', () => {
    const parsed = parseImportFile({
      fileName: 'mymaps.kml',
      bytes: kml(`<Placemark><name>pangolin scales</name><description><![CDATA[<b>Seized</b> by NParks &amp; Customs<br>12 t in 3&nbsp;containers<p>Ref&#233;rence 7</p>]]></description>
        <TimeStamp><when>2019-04-03</when></TimeStamp><ExtendedData><Data name="country"><value>SG</value></Data><Data name="quantity"><value>12</value></Data><Data name="unit"><value>t</value></Data></ExtendedData>
        <Point><coordinates>103.764,1.274</coordinates></Point></Placemark>`),
    });
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures[0]!.fields.notes).toBe('Seized by NParks & Customs\n12 t in 3 containers\nReférence 7');
    expect(parsed.seizures[0]!.fields.notes).not.toContain('@type');
  });

  it('typed SchemaData keeps a quantity of 1250.5 a number (not 1.2505) and reads the row', () => {
    const schema = '<Schema name="s" id="s"><SimpleField name="quantity" type="double"/><SimpleField name="verified" type="bool"/></Schema>';
    const parsed = parseImportFile({
      fileName: 'typed.kml',
      bytes: kml(`<Placemark><name>ivory</name><TimeStamp><when>2019-07-21</when></TimeStamp><ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="quantity">1250.5</SimpleData><SimpleData name="verified">true</SimpleData></SchemaData><Data name="unit"><value>kg</value></Data><Data name="country"><value>SG</value></Data></ExtendedData><Point><coordinates>103.764,1.274</coordinates></Point></Placemark>`, schema),
    });
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures[0]!.fields.quantity).toBe(1250.5);
  });

  it('htmlToText: scripts dropped, lists and paragraphs on their own lines, unknown entities kept', () => {
    expect(htmlToText('<ul><li>one</li><li>two &bogus;</li></ul><script>alert(1)</script><div>three</div>')).toBe('one\ntwo &bogus;\nthree');
  });
});
