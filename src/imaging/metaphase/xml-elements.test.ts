import { describe, expect, it } from 'vitest';
import { childElement, childElements, parseXml, XmlSyntaxError } from './xml-elements';

describe('parseXml', () => {
  it('reads elements, text with entities, CDATA, comments and the declaration', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- made by hand -->\n' +
        '<a x="1" y=\'two &amp; three\'><b>Tom &lt;&#65;&#x42;&gt;</b><b><![CDATA[<raw> & ]]></b><c/></a>',
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: 'two & three' });
    expect(childElements(root, 'b').map((b) => b.text)).toEqual(['Tom <AB>', '<raw> &']);
    expect(childElement(root, 'c')).toEqual({ name: 'c', attributes: {}, children: [], text: '' });
    expect(childElement(root, 'd')).toBeUndefined();
  });

  it.each([
    ['<a><b></a></b>', '</a> does not close <b>'],
    ['<a><b></b>', '<a> never closed'],
    ['<a></a><b></b>', 'a second root element'],
    ['text<a></a>', 'text outside the root element'],
    ['<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', 'DOCTYPE'],
    ['<a>&bogus;</a>', 'unknown entity &bogus;'],
    ['<a>fish & chips</a>', '"&" not followed by an entity'],
    ['<a x="1" x="2"></a>', 'attribute x given twice'],
    ['<a', 'tag <a> never closed'],
    ['', 'no root element'],
    ['<a>\n\n<b>< c</b></a>', 'line 3'],
  ])('refuses %j', (source, message) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
    expect(() => parseXml(source)).toThrow(message);
  });

  it('refuses nesting deeper than an annotation could need', () => {
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).toThrow('nested deeper than 64');
  });
});
