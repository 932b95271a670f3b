import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsafeXmlError, parseUntrustedXml } from '../../clients/inventory/safe-xml.ts';

// The plain object an inventory answer parses into: the response schema reads exactly this shape.

describe('parseUntrustedXml', () => {
  it('drops prefixes and xmlns attributes, keeps attributes as @_name and text as #text beside them', () => {
    const xml =
      '<soap:Envelope xmlns:soap="urn:s" xmlns:inv="urn:i"><soap:Body><inv:R>' +
      '<inv:item><inv:sku> A-1 </inv:sku><inv:price currency="EUR" inv:kind="list">12.50</inv:price><inv:flag on="yes"/><inv:note/></inv:item>' +
      '</inv:R></soap:Body></soap:Envelope>';
    assert.deepEqual(parseUntrustedXml(xml), {
      Envelope: { Body: { R: { item: [{ sku: 'A-1', price: { '#text': '12.50', '@_currency': 'EUR', '@_kind': 'list' }, flag: { '@_on': 'yes' }, note: '' }] } } },
    });
  });

  it('makes item and missing arrays even when single, and any repeated name an array', () => {
    assert.deepEqual(parseUntrustedXml('<r><missing>X</missing><sku>a</sku><sku>b</sku><one>1</one></r>'), { r: { missing: ['X'], sku: ['a', 'b'], one: '1' } });
    assert.deepEqual(parseUntrustedXml('<r a="1"><item><n>1</n></item><item><n>2</n></item></r>'), { r: { '@_a': '1', item: [{ n: '1' }, { n: '2' }] } });
  });

  it('joins text and CDATA, decodes predefined entities, and reads an empty root as an empty string', () => {
    assert.deepEqual(parseUntrustedXml('<r><t>a &amp; <![CDATA[<b>]]> c</t></r>'), { r: { t: 'a & <b> c' } });
    assert.deepEqual(parseUntrustedXml('<r/>'), { r: '' });
  });

  it('refuses declarations and malformed XML', () => {
    assert.throws(() => parseUntrustedXml('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'), UnsafeXmlError);
    assert.throws(() => parseUntrustedXml('<r><a></r>'), UnsafeXmlError);
  });
});
