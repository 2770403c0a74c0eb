/**
 * Structure-aware generators of hostile inputs for the readers (fuzz-campaign.test.ts): CSV files,
 * XLSX archives built part by part (then damaged at the XML or the zip level), and JSON
 * documents. Deterministic: every input comes from a seeded random source, so a failure is
 * replayed from its seed. Used by the tests only.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type Rand = () => number;

const int = (r: Rand, n: number): number => Math.floor(r() * n);
function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[int(r, xs.length)] as T;
}
const chance = (r: Rand, p: number): boolean => r() < p;

/** Sizes the generators aim around; the campaign reads with limits near these, so limits are hit. */
export interface Scale {
  cell: number;
  columns: number;
  rows: number;
}

const HEADERS = [
  'id_acteur',
  'siret',
  'raison_sociale',
  'code_naf',
  'type',
  'id_site',
  'acteur',
  'nom',
  'adresse',
  'code_commune',
  'latitude',
  'longitude',
  'id_flux',
  'sens',
  'code_ressource',
  'code_dechet',
  'libelle',
  'quantite',
  'unite',
  'periode',
  'mois_disponibles',
  'temperature_c',
  'dangereux',
  'id_besoin',
  'categorie',
  'description',
  'erreurs',
  '',
  'Raison Sociale',
  'QUANTITÉ',
];
const WORDS = [
  'A1',
  'S1',
  'F1',
  '73282932000074',
  '12345678901234',
  'Scierie',
  'entreprise',
  'Structure ESS',
  'sortant',
  'entrant',
  'material.wood.clean',
  '02 03 04',
  '020304*',
  '59350',
  '2A004',
  '50,6292',
  '3.0573',
  '1 234,5',
  '-0',
  '1e308',
  '1e400',
  'NaN',
  'Infinity',
  't',
  'MWh',
  'an',
  'oct-mars',
  'toute l’année',
  'oui',
  'non',
  'valorisation énergétique',
  'R1',
  'D15',
  '=HYPERLINK("http://x.example")',
  "'=1+1",
  '+33 3',
  '@SUM(A1)',
  'Sciure « fine »',
  'œuvre',
  '€',
  '𝄞',
  '\u200b',
  '\u202e',
  'Ω',
  '\uFEFF',
  '\uFFFD',
  'ligne 1\nligne 2',
  'a\rb',
  ' espace ',
  '"',
  '""',
  'x"y',
  '\\',
  '%s%n',
  '<script>',
  "Robert'); DROP TABLE actor;--",
  '0x1F',
  '   ',
];

function text(r: Rand, s: Scale): string {
  const k = int(r, 100);
  if (k < 70) return pick(r, WORDS);
  if (k < 80) return String(r() * 10 ** int(r, 12) * (chance(r, 0.2) ? -1 : 1)).replace('.', pick(r, ['.', ',']));
  if (k < 88) return Array.from({ length: 1 + int(r, 12) }, () => String.fromCharCode(int(r, 0x3000))).join('');
  if (k < 94) return 'x'.repeat(s.cell - 2 + int(r, 5)); // around the cell limit
  if (k < 97) return String.fromCharCode(0xd800 + int(r, 0x800)); // a lone surrogate
  return `${pick(r, WORDS)}\u0000${pick(r, WORDS)}`;
}

/** One CSV field, quoted or not, sometimes badly. */
function csvField(r: Rand, s: Scale, sep: string): string {
  const v = text(r, s);
  const k = int(r, 100);
  if (k < 55) return v;
  if (k < 85) return `"${v.replace(/"/g, '""')}"`;
  if (k < 90) return `"${v}`; // quote never closed
  if (k < 94) return `${v}"${pick(r, ['', 'x', sep])}`;
  if (k < 97) return `"${v}"${pick(r, ['x', ' ', '"'])}`; // text after the closing quote
  return sep.repeat(1 + int(r, 4));
}

function encode(r: Rand, textValue: string): Buffer {
  const k = int(r, 100);
  if (k < 45) return Buffer.from(textValue, 'utf8');
  if (k < 65) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(textValue, 'utf8')]);
  if (k < 80) return Buffer.from(textValue.replace(/[^\x20-\u00ff\t\r\n]/g, '?'), 'latin1'); // Windows-1252, near enough
  if (k < 86) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textValue, 'utf16le')]);
  if (k < 90) return Buffer.from(textValue, 'utf16le'); // UTF-16 without its mark
  if (k < 95) {
    // UTF-8 that turns into something else after the sniffed start
    const head = Buffer.from(textValue, 'utf8');
    return Buffer.concat([head, Buffer.from([0xe9, 0x3b, 0xff, 0xfe, 0xc3]), head.subarray(0, int(r, head.length))]);
  }
  return Buffer.from(textValue.replace(/;/g, '\u0000'), 'utf8');
}

/** Byte-level damage: flips, insertions, cuts. */
export function damage(r: Rand, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const k = int(r, 100);
  if (k < 55 || out.length === 0) return out;
  if (k < 70) return out.subarray(0, int(r, out.length + 1));
  if (k < 85) {
    for (let i = 0, n = 1 + int(r, 8); i < n; i++) out[int(r, out.length)] = int(r, 256);
    return out;
  }
  const at = int(r, out.length);
  return Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(r, 16) }, () => int(r, 256))), out.subarray(at)]);
}

export function generateCsv(r: Rand, s: Scale): Buffer {
  const sep = pick(r, [';', ';', ',', '\t', '|']);
  const eol = pick(r, ['\r\n', '\n', '\n', '\r', '\n\r']);
  const columns = chance(r, 0.05) ? s.columns + int(r, 3) : 1 + int(r, 10);
  const lines: string[] = [Array.from({ length: columns }, () => (chance(r, 0.9) ? pick(r, HEADERS) : csvField(r, s, sep))).join(sep)];
  const rows = int(r, 100) < 95 ? int(r, 12) : s.rows + int(r, 3);
  for (let i = 0; i < rows; i++) {
    const width = chance(r, 0.8) ? columns : int(r, columns * 2 + 2);
    lines.push(chance(r, 0.05) ? '' : Array.from({ length: width }, () => csvField(r, s, sep)).join(sep));
  }
  let body = lines.join(eol) + (chance(r, 0.7) ? eol : '');
  if (chance(r, 0.03)) body = 'x'.repeat(s.cell * 3); // one long line without a break
  return damage(r, encode(r, body));
}

// ---- XLSX -------------------------------------------------------------------------------

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
  /** Lie about the CRC. */
  badCrc?: boolean;
}

/** A zip archive written by hand, so that its headers can lie. */
export function zip(parts: readonly ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const data = p.store ? p.data : deflateRawSync(p.data);
    const crc = p.badCrc ? (crc32(p.data) ^ 0xdeadbeef) >>> 0 : crc32(p.data);
    const size = p.declaredSize ?? p.data.length;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(p.store ? 0 : 8, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size >>> 0, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(p.store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const esc = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Letters of a 0-based column. */
function letters(col: number): string {
  let s = '';
  for (let x = col + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function cellXml(r: Rand, s: Scale, row: number, col: number, strings: number): string {
  const k = int(r, 100);
  const ref =
    int(r, 100) < 98
      ? ` r="${letters(col)}${row}"`
      : pick(r, [
          '',
          ` r="${letters(s.columns + int(r, 3))}${row}"`,
          ' r="1A"',
          ' r="XFE1"',
          ` r="${'Z'.repeat(1 + int(r, 12))}1"`,
          ' r=""',
          ' r="a1"',
        ]);
  if (k < 35) return `<c${ref} t="s"><v>${chance(r, 0.9) ? int(r, strings + 1) : pick(r, ['-1', '1e9', 'x', ''])}</v></c>`;
  if (k < 55) return `<c${ref}><v>${esc(pick(r, ['1', '0.5', '-3', '1e308', '1e999', 'NaN', 'abc', '', ' ']))}</v></c>`;
  if (k < 62) return `<c${ref} t="b"><v>${pick(r, ['0', '1', '2'])}</v></c>`;
  if (k < 67) return `<c${ref} t="e"><v>${pick(r, ['#N/A', '#REF!', '#DIV/0!'])}</v></c>`;
  if (k < 80) return `<c${ref} t="inlineStr"><is><t>${esc(text(r, s))}</t></is></c>`;
  if (k < 87) return `<c${ref} t="str"><f>A1+1</f>${chance(r, 0.5) ? `<v>${esc(text(r, s))}</v>` : ''}</c>`;
  if (k < 92) return `<c${ref}><f>SUM(A1:A2)</f></c>`;
  return `<c${ref}/>`;
}

function sheetXml(r: Rand, s: Scale, strings: number): string {
  const rows: string[] = [];
  const n = chance(r, 0.95) ? int(r, 10) : s.rows + int(r, 3);
  const width = chance(r, 0.95) ? 1 + int(r, 8) : s.columns + int(r, 3);
  for (let i = 1; i <= n; i++) {
    const rowRef = chance(r, 0.97)
      ? ` r="${i}"`
      : pick(r, ['', ' r="0"', ' r="-4"', ' r="x"', ' r="1048577"', ' r="99999999999999999999"']);
    rows.push(`<row${rowRef}>${Array.from({ length: width }, (_, c) => cellXml(r, s, i, c, strings)).join('')}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function sharedStringsXml(r: Rand, s: Scale, n: number): string {
  const items = Array.from({ length: n }, () => {
    const k = int(r, 10);
    if (k < 6) return `<si><t>${esc(text(r, s))}</t></si>`;
    if (k < 8) return `<si><r><t>${esc(text(r, s))}</t></r><r><rPr><b/></rPr><t xml:space="preserve"> ${esc(text(r, s))}</t></r></si>`;
    if (k < 9) return `<si><t>${esc(text(r, s))}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>`;
    return '<si/>';
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${int(r, 1e6)}" uniqueCount="${n}">${items.join('')}</sst>`;
}

const SHEET_NAMES = ['acteurs', 'sites', 'flux', 'besoins', 'lisez-moi', 'Feuil1', '', 'acteurs', 'x'.repeat(40), 'été'];

function workbookXml(r: Rand, s: Scale, sheets: number): string {
  const list = Array.from(
    { length: sheets },
    (_, i) => `<sheet name="${esc(pick(r, SHEET_NAMES))}" sheetId="${i + 1}" r:id="rId${chance(r, 0.95) ? i + 1 : int(r, 99)}"/>`,
  );
  if (chance(r, 0.03)) for (let i = 0; i < s.columns; i++) list.push(`<sheet name="S${i}" sheetId="${i + 9}" r:id="rId1"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${list.join('')}</sheets></workbook>`;
}

function relsXml(r: Rand, sheets: number): string {
  const list = Array.from({ length: sheets }, (_, i) => {
    const target = chance(r, 0.9)
      ? `worksheets/sheet${i + 1}.xml`
      : pick(r, ['/xl/worksheets/sheet1.xml', '../../etc/passwd', 'worksheets/none.xml', '', 'xl/worksheets/sheet1.xml']);
    return `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${esc(target)}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.join('')}</Relationships>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** XML damage: DOCTYPEs and entities (XXE, billion laughs), deep nesting, cuts, bad characters. */
export function damageXmlPart(r: Rand, xml: string, s: Scale & { depth: number }): string {
  const k = int(r, 100);
  const afterDecl = xml.indexOf('?>') + 2;
  const rootEnd = xml.indexOf('>', afterDecl + 1) + 1;
  if (k < 12)
    return `${xml.slice(0, afterDecl)}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${xml.slice(afterDecl).replace('<t>', '<t>&xxe;').replace('<v>', '<v>&xxe;')}`;
  if (k < 20) {
    const lol =
      '<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">';
    return `${xml.slice(0, afterDecl)}<!DOCTYPE x [${lol}]>${xml.slice(afterDecl).replace('<t>', '<t>&d;')}`;
  }
  if (k < 34) {
    const d = s.depth - 2 + int(r, 5);
    return `${xml.slice(0, rootEnd)}${'<n>'.repeat(d)}${'</n>'.repeat(chance(r, 0.8) ? d : 0)}${xml.slice(rootEnd)}`;
  }
  if (k < 50) return xml.slice(0, int(r, xml.length));
  if (k < 66) {
    const at = int(r, xml.length);
    return (
      xml.slice(0, at) +
      pick(r, [
        '&#0;',
        '&#xD800;',
        '\u0000',
        '\u0001',
        '<![CDATA[x]]>',
        '&unknown;',
        '&amp',
        '<',
        '>',
        '"',
        '</c>',
        '<c>',
        '<row>',
        '<?pi x?>',
        '<!-- -->',
        '\uFFFF',
      ]) +
      xml.slice(at)
    );
  }
  if (k < 76) return xml.replace(/<v>/g, '<v>' + 'x'.repeat(s.cell));
  if (k < 86) return xml.replace('encoding="UTF-8"', pick(r, ['encoding="UTF-16"', 'encoding="ISO-8859-1"', 'encoding="EBCDIC"']));
  return `\uFEFF${xml}`;
}

export function generateXlsx(r: Rand, s: Scale & { depth: number; uncompressed: number }): Buffer {
  // Each part is damaged now and then only, so that a good share of workbooks can be read.
  const damageXml = (rr: Rand, xml: string, ss: Scale & { depth: number }): string => (chance(rr, 0.25) ? damageXmlPart(rr, xml, ss) : xml);
  const sheets = chance(r, 0.05) ? 0 : 1 + int(r, 3);
  const strings = chance(r, 0.03) ? s.rows * 20 : int(r, 12);
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: Buffer.from(damageXml(r, CONTENT_TYPES, s)) },
    { name: 'xl/workbook.xml', data: Buffer.from(damageXml(r, workbookXml(r, s, sheets), s)) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(damageXml(r, relsXml(r, sheets), s)) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(damageXml(r, sharedStringsXml(r, s, strings), s)) },
  ];
  for (let i = 1; i <= sheets; i++)
    parts.push({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.from(damageXml(r, sheetXml(r, s, strings), s)) });
  const k = int(r, 100);
  if (k < 5)
    parts.splice(1 + int(r, parts.length - 1), 1); // a part missing
  else if (k < 10)
    parts.push({ name: 'xl/bomb.xml', data: Buffer.alloc(s.uncompressed + int(r, 1000), 0x20) }); // compresses to almost nothing
  else if (k < 14) {
    const p = parts[int(r, parts.length)] as ZipPart;
    p.declaredSize = int(r, 3) === 0 ? 0xffffffff : int(r, p.data.length + 2);
  } else if (k < 18) (parts[int(r, parts.length)] as ZipPart).badCrc = true;
  else if (k < 22)
    parts.push({ ...(parts[1] as ZipPart) }); // the same name twice
  else if (k < 26) parts.forEach((p) => (p.store = true));
  else if (k < 28) parts.push({ name: '../../evil.xml', data: Buffer.from('<x/>') });
  const archive = zip(parts);
  return chance(r, 0.4) ? damage(r, archive) : archive;
}

// ---- JSON -------------------------------------------------------------------------------

function jsonValue(r: Rand, depth: number, maxDepth: number): string {
  const k = int(r, 100);
  // Fewer children deeper down, so that documents stay small however deep they go.
  const width = depth < 4 ? 5 : 2;
  if (depth < maxDepth && k < 30) {
    const n = int(r, width);
    return `[${Array.from({ length: n }, () => jsonValue(r, depth + 1, maxDepth)).join(',')}]`;
  }
  if (depth < maxDepth && k < 60) {
    const keys = [
      'format',
      'formatVersion',
      'territory',
      'actors',
      'sites',
      'flows',
      'needs',
      'externalId',
      'siret',
      'name',
      'kind',
      'quantity',
      '__proto__',
      'constructor',
      '',
      'é',
      'a',
    ];
    const n = int(r, width + 1);
    return `{${Array.from({ length: n }, () => `${JSON.stringify(pick(r, keys))}:${jsonValue(r, depth + 1, maxDepth)}`).join(',')}}`;
  }
  return pick(r, [
    '0',
    '-0',
    '1e400',
    '-1e400',
    '1.7976931348623157e308',
    '5e-324',
    '123456789012345678901234567890',
    '0.1',
    'true',
    'false',
    'null',
    '"boucles-territory"',
    '"\\u0000"',
    '"\\ud800"',
    '"\\udc00\\ud800"',
    '"é"',
    '"\\"quoted\\""',
    '"a\\nb"',
    '"𝄞"',
    JSON.stringify('x'.repeat(int(r, 2000))),
  ]);
}

export function generateJson(r: Rand, maxDepth: number): Buffer {
  const k = int(r, 100);
  let t: string;
  if (k < 10) t = `${'['.repeat(maxDepth + int(r, 3))}${']'.repeat(chance(r, 0.7) ? maxDepth : 0)}`;
  else if (k < 15) t = `{"a":${'{"a":'.repeat(maxDepth * 4)}1${'}'.repeat(maxDepth * 4)}}`;
  else t = `{"format":"boucles-territory","formatVersion":1,"actors":${jsonValue(r, 1, maxDepth + 2)}}`;
  const m = int(r, 100);
  if (m < 8) t = t.replace(/,/, ',,');
  else if (m < 14) t = t.replace(/}$/, ',}');
  else if (m < 18) t = `// comment\n${t}`;
  else if (m < 22) t = t.replace(/1/, 'NaN');
  else if (m < 26) t = `\uFEFF${t}`;
  else if (m < 30) t = `${t}${t}`;
  else if (m < 34) t = t.replace(/:/, '\n:\n');
  return damage(r, Buffer.from(t, 'utf8'));
}
