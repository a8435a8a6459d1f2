/**
 * A small, strict XML parser for tests: enough of XML 1.0 to prove a document is well formed
 * (one root, balanced and properly nested tags, quoted unique attributes, only the predefined
 * and numeric entities, no raw `<` or `&` in text, no characters XML forbids) and to walk it.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// Characters outside XML 1.0's Char production.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare "&" at ${where}`);
    if (entity in ENTITIES) return ENTITIES[entity]!;
    const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(entity);
    if (!numeric) throw new Error(`unknown entity &${entity}; at ${where}`);
    return String.fromCodePoint(parseInt(numeric[1] ?? numeric[2]!, numeric[1] ? 16 : 10));
  });
}

/**
 * Parses a document or throws saying where it is malformed.
 *
 * @example
 * parseXml('<?xml version="1.0"?><a b="1"><c/></a>').children[0]?.name; // 'c'
 */
export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('a character XML 1.0 forbids');
  let pos = 0;
  const skipSpace = () => {
    while (pos < xml.length && /\s/.test(xml[pos]!)) pos++;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) throw new Error('unterminated XML declaration');
    pos = end + 2;
  }
  skipSpace();

  function element(): XmlElement {
    if (xml[pos] !== '<') throw new Error(`expected "<" at ${pos}`);
    pos++;
    const name = NAME.exec(xml.slice(pos))?.[0];
    if (!name) throw new Error(`bad element name at ${pos}`);
    pos += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return node;
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) throw new Error(`expected whitespace before an attribute at ${pos}`);
      const attr = NAME.exec(xml.slice(pos))?.[0];
      if (!attr) throw new Error(`bad attribute name at ${pos}`);
      pos += attr.length;
      if (xml[pos] !== '=' || (xml[pos + 1] !== '"' && xml[pos + 1] !== "'")) throw new Error(`attribute ${attr} without a quoted value at ${pos}`);
      const quote = xml[pos + 1]!;
      const end = xml.indexOf(quote, pos + 2);
      if (end === -1) throw new Error(`unterminated attribute ${attr}`);
      if (attr in node.attributes) throw new Error(`duplicate attribute ${attr} on <${name}>`);
      node.attributes[attr] = decode(xml.slice(pos + 2, end), pos);
      pos = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', pos);
      if (next === -1) throw new Error(`<${name}> is never closed`);
      node.text += decode(xml.slice(pos, next), pos);
      pos = next;
      if (xml.startsWith('</', pos)) {
        const close = `</${name}>`;
        if (!xml.startsWith(close, pos)) throw new Error(`expected ${close} at ${pos}, found ${xml.slice(pos, pos + 30)}`);
        pos += close.length;
        return node;
      }
      node.children.push(element());
    }
  }

  const root = element();
  skipSpace();
  if (pos !== xml.length) throw new Error(`content after the root element at ${pos}`);
  return root;
}
