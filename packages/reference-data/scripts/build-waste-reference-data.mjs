#!/usr/bin/env node
// Builds the waste reference data of @boucles/reference-data from the transcribed sources in ./sources:
//   data/european-list-of-waste.json  (European List of Waste, FR + EN)
//   data/waste-operations.json        (R/D waste operation codes, FR + EN)
//
// Plain Node (>= 18), no dependencies. Usage:
//   node packages/reference-data/scripts/build-waste-reference-data.mjs            # build + validate + report
//   node packages/reference-data/scripts/build-waste-reference-data.mjs --check    # validate only, write nothing
//   node packages/reference-data/scripts/build-waste-reference-data.mjs --verbose  # also print every FR cross-check difference
//
// Labels are never written by hand here: every label comes from a file in ./sources, each of which states
// where it was transcribed from. The only transformations are typographic (see `tidyFr` / `tidyEn`).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCES = join(here, 'sources');
const DATA = join(here, '..', 'data');
const CHECK_ONLY = process.argv.includes('--check');
const VERBOSE = process.argv.includes('--verbose');

const errors = [];
const fail = (msg) => errors.push(msg);

/** Reads a "|"-separated source file, skipping comments and blank lines. */
function readPsv(name) {
  return readFileSync(join(SOURCES, name), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('|'));
}

/** Typographic tidy-up of a French legal-text label (no wording change). */
function tidyFr(s) {
  let t = s.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s*\((?:\d|\*{1,4})\)/g, ''); // footnote call-outs such as "(3)" or "(**)"
  t = t.replace(/\s*\.$/, ''); // final period of the printed table cell
  t = t.replace(/\b(\d{2}),(\d{2})\b/g, '$1, $2'); // "16 06 01,16 06 02" -> "16 06 01, 16 06 02", "05,12" -> "05, 12"
  t = t.replace(/\/ /g, '/'); // "et/ ou", "eau/ hydrocarbures" -> "et/ou", "eau/hydrocarbures"
  return t.charAt(0).toUpperCase() + t.slice(1);
}
/** Typographic tidy-up of an English label. */
function tidyEn(s) {
  const t = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
/** Loose form used only to compare two transcriptions of the same text (case, punctuation, spacing ignored). */
const loose = (s) =>
  s
    .toLowerCase()
    .replace(/\s*\((?:\d|\*{1,4})\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const compact = (code) => code.replace(/[\s*]/g, '');

// ---------------------------------------------------------------------------------------------------------------
// 1. English: DEFRA list (codes, hazardous flag, entry type, EN labels)
// ---------------------------------------------------------------------------------------------------------------
const ENTRY_TYPES = {
  AH: 'absolute-hazardous',
  MH: 'mirror-hazardous',
  MN: 'mirror-non-hazardous',
  AN: 'absolute-non-hazardous',
};
const en = { chapters: new Map(), subChapters: new Map(), entries: new Map() };
for (const row of readPsv('defra-ewc-codes.psv')) {
  if (row[0] === 'CH') en.chapters.set(row[1], row[2]);
  else if (row[0] === 'SC') en.subChapters.set(row[1], row[2]);
  else {
    const [code, haz, type, description] = row;
    if (en.entries.has(code)) fail(`DEFRA: duplicate code ${code}`);
    if (!ENTRY_TYPES[type]) fail(`DEFRA: unknown entry type ${type} for ${code}`);
    en.entries.set(code, { hazardous: haz === '1', entryType: ENTRY_TYPES[type], labelEn: description });
  }
}
const enSubChapterOverrides = new Map(readPsv('en-subchapter-overrides.psv').map(([c, l]) => [c, l]));

// ---------------------------------------------------------------------------------------------------------------
// 2. French: Decision 2014/955/EU text (primary) and Code de l'environnement annex II to R541-8 (pre-2015 cross-check)
// ---------------------------------------------------------------------------------------------------------------
function readFrList(name) {
  const out = { index: new Map(), chapters: new Map(), subChapters: new Map(), entries: new Map() };
  for (const [rawCode, label] of readPsv(name)) {
    if (rawCode === 'IDX') continue;
    const code = compact(rawCode);
    const target = code.length === 2 ? out.chapters : code.length === 4 ? out.subChapters : out.entries;
    if (target.has(code)) fail(`${name}: duplicate code ${code}`);
    target.set(code, { label, starred: rawCode.includes('*') });
  }
  for (const row of readPsv(name)) if (row[0] === 'IDX') out.index.set(row[1], row[2]);
  return out;
}
const fr2014 = readFrList('fr-dec-2014-955.psv');
const frR5418 = readFrList('fr-r541-8-annexe-ii.psv');

// Entries whose label in the 2014 transcription is not used, after review of the cross-check below.
// Each override names the source actually used and why.
const FR_ENTRY_OVERRIDES = {
  '080119': {
    use: 'r541-8',
    reason:
      'The 2014 transcription repeats the wording of 08 01 15* ("boues aqueuses..."); the entry is about aqueous ' +
      'suspensions (EN "Aqueous suspensions...", and 08 01 20 "suspensions aqueuses... autres que celles visées à la ' +
      'rubrique 08 01 19"). The Code de l\'environnement text ("Suspensions aqueuses...") is used.',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 3. Build the List of Waste
// ---------------------------------------------------------------------------------------------------------------
const report = { frDiffs: [], frOverrides: [], chapterFrSource: {}, nullFr: [] };

const chapters = [...en.chapters.keys()].sort().map((code) => {
  const fr = fr2014.chapters.get(code);
  const idx = frR5418.index.get(code);
  let labelFr = null;
  if (fr && idx && loose(fr.label) === loose(idx)) {
    // Same wording: use the sentence-case title of the INDEX of the Code de l'environnement annex.
    labelFr = tidyFr(idx);
    report.chapterFrSource[code] = 'r541-8 index (same wording as 2014 heading)';
  } else if (fr) {
    labelFr = tidyFr(fr.label);
    report.chapterFrSource[code] = '2014 heading (as printed)';
  } else report.nullFr.push(code);
  return { code, labelFr, labelEn: tidyEn(en.chapters.get(code)) };
});

const subChapters = [...en.subChapters.keys()].sort().map((code) => {
  const fr = fr2014.subChapters.get(code);
  if (!fr) report.nullFr.push(code);
  const old = frR5418.subChapters.get(code);
  if (fr && old && loose(fr.label) !== loose(old.label)) report.frDiffs.push({ code, y2014: fr.label, r5418: old.label });
  return {
    code,
    chapter: code.slice(0, 2),
    labelFr: fr ? tidyFr(fr.label) : null,
    labelEn: tidyEn(enSubChapterOverrides.get(code) ?? en.subChapters.get(code)),
  };
});

const entries = [...en.entries.keys()].sort().map((code) => {
  const e = en.entries.get(code);
  const fr = fr2014.entries.get(code);
  const old = frR5418.entries.get(code);
  let labelFr = null;
  if (fr) {
    if (fr.starred !== e.hazardous) fail(`Hazardous flag differs between DEFRA and the 2014 FR text for ${code}`);
    labelFr = tidyFr(fr.label);
    if (old && loose(fr.label) !== loose(old.label)) report.frDiffs.push({ code, y2014: fr.label, r5418: old.label });
    const ov = FR_ENTRY_OVERRIDES[code];
    if (ov) {
      if (ov.use !== 'r541-8' || !old) fail(`Bad override for ${code}`);
      labelFr = tidyFr(old.label);
      report.frOverrides.push({ code, ...ov });
    }
  } else report.nullFr.push(code);
  return {
    code,
    chapter: code.slice(0, 2),
    subChapter: code.slice(0, 4),
    labelFr,
    labelEn: tidyEn(e.labelEn),
    hazardous: e.hazardous,
    entryType: e.entryType,
  };
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Validation
// ---------------------------------------------------------------------------------------------------------------
const chapterCodes = new Set(chapters.map((c) => c.code));
const subChapterCodes = new Set(subChapters.map((s) => s.code));
const seen = new Set();
for (const e of entries) {
  if (!/^\d{6}$/.test(e.code)) fail(`Entry code is not 6 digits: ${e.code}`);
  if (seen.has(e.code)) fail(`Duplicate entry code ${e.code}`);
  seen.add(e.code);
  if (!chapterCodes.has(e.chapter)) fail(`Entry ${e.code}: unknown chapter ${e.chapter}`);
  if (!subChapterCodes.has(e.subChapter)) fail(`Entry ${e.code}: unknown sub-chapter ${e.subChapter}`);
  if (!e.labelEn) fail(`Entry ${e.code}: no English label`);
  if (e.hazardous !== !e.entryType.includes('non-hazardous'))
    fail(`Entry ${e.code}: hazardous=${e.hazardous} but entryType=${e.entryType}`);
}
for (const s of subChapters) {
  if (!/^\d{4}$/.test(s.code)) fail(`Sub-chapter code is not 4 digits: ${s.code}`);
  if (!chapterCodes.has(s.chapter)) fail(`Sub-chapter ${s.code}: unknown chapter`);
  if (!entries.some((e) => e.subChapter === s.code)) fail(`Sub-chapter ${s.code} has no entry`);
}
for (const c of chapters) if (!/^\d{2}$/.test(c.code)) fail(`Chapter code is not 2 digits: ${c.code}`);
// Every code of each FR source must exist in the EN list (and conversely for the 2014 text).
for (const code of fr2014.entries.keys()) if (!en.entries.has(code)) fail(`2014 FR code ${code} missing from DEFRA list`);
for (const code of fr2014.subChapters.keys()) if (!en.subChapters.has(code)) fail(`2014 FR sub-chapter ${code} missing`);
const r5418Only = [...frR5418.entries.keys()].filter((c) => !en.entries.has(c));
if (r5418Only.length) fail(`Codes only in the R541-8 text: ${r5418Only.join(', ')}`);
const addedSince = [...en.entries.keys()].filter((c) => !frR5418.entries.has(c));
const starDiffs = [...frR5418.entries].filter(([c, v]) => en.entries.has(c) && v.starred !== en.entries.get(c).hazardous);
// The codes cited inside a label ("other than those mentioned in 01 03 07" / "visés à la rubrique 01 03 07")
// must be the same in English and in French: a cheap detector of transcription errors in either language.
const citedCodes = (s) =>
  [...(s ?? '').matchAll(/\b(\d{2}) (\d{2})(?: (\d{2}))?\b/g)]
    .map((m) => m.slice(1).filter(Boolean).join(''))
    .sort()
    .join(',');
for (const x of [...subChapters, ...entries])
  if (x.labelFr && citedCodes(x.labelFr) !== citedCodes(x.labelEn))
    fail(`${x.code}: codes cited in labelFr (${citedCodes(x.labelFr)}) differ from labelEn (${citedCodes(x.labelEn)})`);
// Sub-chapter labels repeated across sub-chapters usually reveal a transcription error in a source.
const byEnLabel = new Map();
for (const s of subChapters) byEnLabel.set(s.labelEn, [...(byEnLabel.get(s.labelEn) ?? []), s.code]);
for (const [label, codes] of byEnLabel) if (codes.length > 1) fail(`Same EN sub-chapter label for ${codes}: ${label}`);

// ---------------------------------------------------------------------------------------------------------------
// 5. R/D operations
// ---------------------------------------------------------------------------------------------------------------
const opsEn = new Map(readPsv('defra-treatment-codes.psv').map(([c, l]) => [c, l]));
const opsFr = new Map(readPsv('fr-arrete-2008-annexe-iv.psv').map(([c, l]) => [c.replace(/\s+/g, ''), l]));
const HIERARCHY = (code) => {
  // Mapping of shared/reference/nomenclatures.md §4 (Trackdéchets): see the `note` of D9 for the one judgement call.
  if (code === 'R0') return 'reuse';
  if (code === 'R1') return 'energy_recovery';
  if (['R2', 'R3', 'R4', 'R5', 'R7', 'R9', 'R11'].includes(code)) return 'reuse_or_recycling';
  if (['R6', 'R8', 'R10'].includes(code)) return 'recycling';
  if (['D9', 'D13', 'D14', 'D15', 'R12', 'R13'].includes(code)) return 'transit';
  if (/^D([1-9]|1[0-2])$/.test(code)) return 'disposal';
  return null;
};
const operationCodes = [...Array.from({ length: 14 }, (_, i) => `R${i}`), ...Array.from({ length: 15 }, (_, i) => `D${i + 1}`)];
const operations = operationCodes.map((code) => {
  const op = {
    code,
    kind: code.startsWith('R') ? 'recovery' : 'disposal',
    labelFr: null,
    labelEn: null,
    hierarchy: HIERARCHY(code),
  };
  if (code === 'R0') {
    op.labelFr = 'Réutilisation - réemploi';
    op.note =
      'R0 is not an operation of Directive 2008/98/EC: it is a French convention of Trackdéchets and of the ' +
      'Registre national des déchets, terres excavées et sédiments (RNDTS) for reuse / preparation for reuse. ' +
      'labelFr is the Trackdéchets wording (MTES-MCT/trackdechets, PROCESSING_AND_REUSE_OPERATIONS.ts); ' +
      'no English source label was found, so labelEn is null.';
  } else {
    op.labelFr = opsFr.has(code) ? tidyFr(opsFr.get(code)) : null;
    op.labelEn = opsEn.has(code) ? tidyEn(opsEn.get(code)) : null;
    if (!op.labelFr || !op.labelEn) fail(`Operation ${code}: missing label`);
  }
  if (code === 'D9')
    op.note =
      'nomenclatures.md lists D1–D12 as disposal but also lists D9 explicitly under "transit/preparation, no mode" ' +
      '(Trackdéchets only counts D9F, the final physico-chemical treatment, as elimination). The explicit listing is ' +
      'followed: D9 = "transit".';
  if (!op.hierarchy) fail(`Operation ${code}: no hierarchy`);
  return op;
});
for (const c of opsEn.keys()) if (!operationCodes.includes(c)) fail(`Unexpected EN operation ${c}`);
for (const c of opsFr.keys()) if (!operationCodes.includes(c)) fail(`Unexpected FR operation ${c}`);

// ---------------------------------------------------------------------------------------------------------------
// 6. Sources metadata and output
// ---------------------------------------------------------------------------------------------------------------
const LOW_SOURCES = [
  {
    what:
      'Codes, hazardous flags, entry types (absolute/mirror) and English labels of chapters, sub-chapters and entries. ' +
      'DEFRA/waste-movement-external-api serves this list (handler get-ewc-codes.js) from the shared package ' +
      'DEFRA/waste-movement-utils, src/constants/ewc-codes.js, which was transcribed.',
    title: 'DEFRA waste-movement-utils — src/constants/ewc-codes.js (validEwcCodes), commit abb145203775f4e09b4a76fff8e1a198ca6c5746',
    url: 'https://github.com/DEFRA/waste-movement-utils/blob/main/src/constants/ewc-codes.js',
    licence:
      'Open Government Licence v3.0 — Contains public sector information licensed under the Open Government Licence v3.0 ' +
      '(http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)',
  },
  {
    what: 'English heading of sub-chapter 06 06 (the DEFRA file gives it the 06 05 heading by mistake).',
    title: 'Data Commons Scotland, dcs-easier-open-data — data/ewc-coding.csv',
    url: 'https://github.com/data-commons-scotland/dcs-easier-open-data/blob/master/data/ewc-coding.csv',
    licence:
      'Text of EU legislation (Decision 2000/532/EC); reuse of Commission documents authorised by Decision 2011/833/EU. Licence of the repository not stated.',
  },
  {
    what:
      'French labels of chapters, sub-chapters and entries: French text of the Annex to Decision 2000/532/EC as replaced ' +
      'by Decision 2014/955/EU (in force since 1 June 2015). Transcribed from the labels embedded in Trackdéchets ' +
      '(libs/shared/constants/src/WASTES.ts, commit 0d6f988bf00725db719fad8c25c8372615d7b2e0), which reproduces the ' +
      'consolidated text published by AIDA/INERIS; only the legal-text labels were re-transcribed, no code was reused.',
    title:
      'Décision 2014/955/UE de la Commission du 18 décembre 2014 modifiant la décision 2000/532/CE établissant la liste des déchets (JO L 370 du 30.12.2014)',
    url: 'https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32014D0955',
    licence:
      'Official EU legal text; reuse authorised by Commission Decision 2011/833/EU. (The Trackdéchets repository used as ' +
      'transcription aid is AGPL-3.0: none of its code is included.)',
  },
  {
    what:
      'Cross-check of every French label and hazardous flag against the annex II to article R541-8 of the Code de ' +
      "l'environnement in its pre-2015 version (839 codes; 01 03 10, 16 03 07 and 19 03 08 were added by 2014/955/EU). " +
      'Also the source of the sentence-case French chapter titles (index of the annex) where their wording is identical ' +
      'to the 2014 headings, and of the French label of 08 01 19 (see report).',
    title:
      "Code de l'environnement, Annexe II de l'article R541-8 (liste unique des déchets) — etalab/codes-juridiques-francais, commit 7f38ffbcc06d28df8585ae024582bf42ef2ff0cb",
    url: 'https://github.com/etalab/codes-juridiques-francais/blob/master/codes-en-vigueur/code-de-l-environnement/annexes/article-annexe-ii-de-l-article-r541-8.md',
    licence: 'Official French legal text (Légifrance/DILA data); licence of the repository not stated.',
  },
];

const OPS_SOURCES = [
  {
    what: 'English labels of R1–R13 and D1–D15 (Annexes II and I of Directive 2008/98/EC).',
    title: 'DEFRA waste-movement-utils — src/constants/treatment-codes.js, commit abb145203775f4e09b4a76fff8e1a198ca6c5746',
    url: 'https://github.com/DEFRA/waste-movement-utils/blob/main/src/constants/treatment-codes.js',
    licence: 'Open Government Licence v3.0 — Contains public sector information licensed under the Open Government Licence v3.0',
  },
  {
    what:
      'French labels of R1–R13 and D1–D15: annex IV "Mode de traitement des déchets" of the arrêté du 31 janvier 2008, ' +
      'which reproduces the French text of Annexes I and II of Directive 2008/98/CE (footnote call-outs removed).',
    title:
      'Arrêté du 31 janvier 2008 relatif au registre et à la déclaration annuelle des émissions et de transferts de polluants et des déchets (NOR DEVP0773558A), annexe IV — etalab/lois-non-codifiees-et-reglements-francais, commit 38ee315964fb55def48748de9521db2018d3ece2',
    url: 'https://github.com/etalab/lois-non-codifiees-et-reglements-francais/blob/master/arrete/2013/arrete-du-31-janvier-2008-devp0773558a/annexe/article-annexe-iv.md',
    licence: 'Official French legal text (Légifrance/DILA data); licence of the repository not stated.',
  },
  {
    what: 'R0 (réutilisation - réemploi) and its French label; hierarchy mapping (shared/reference/nomenclatures.md §4).',
    title: 'Trackdéchets — libs/shared/constants/src/PROCESSING_AND_REUSE_OPERATIONS.ts (commit 625311d6bb2af7d3da570ac40f9e23b486e17dd3)',
    url: 'https://github.com/MTES-MCT/trackdechets/blob/master/libs/shared/constants/src/PROCESSING_AND_REUSE_OPERATIONS.ts',
    licence: 'AGPL-3.0 repository: only the two-word label and the code convention are used, no code.',
  },
];

const low = {
  id: 'european-list-of-waste',
  version: '2000/532/EC as amended by 2014/955/EU',
  sources: LOW_SOURCES,
  chapters,
  subChapters,
  entries,
};
const ops = {
  id: 'waste-operations',
  version: 'Directive 2008/98/EC, Annexes I (D1–D15) and II (R1–R13), plus R0 (French Trackdéchets/RNDTS convention)',
  sources: OPS_SOURCES,
  entries: operations,
};

// ---------------------------------------------------------------------------------------------------------------
// 7. Report
// ---------------------------------------------------------------------------------------------------------------
const perChapter = chapters.map((c) => {
  const es = entries.filter((e) => e.chapter === c.code);
  return `${c.code}: ${String(es.length).padStart(3)} entries (${String(es.filter((e) => e.hazardous).length).padStart(3)} hazardous), ${subChapters.filter((s) => s.chapter === c.code).length} sub-chapters`;
});
console.log('European List of Waste');
console.log(perChapter.map((l) => '  ' + l).join('\n'));
console.log(
  `  total: ${chapters.length} chapters, ${subChapters.length} sub-chapters, ${entries.length} entries, ${entries.filter((e) => e.hazardous).length} hazardous`,
);
const typeCounts = {};
for (const e of entries) typeCounts[e.entryType] = (typeCounts[e.entryType] ?? 0) + 1;
console.log('  entry types:', JSON.stringify(typeCounts));
console.log(`  labelFr null: ${report.nullFr.length ? report.nullFr.join(', ') : 'none'}`);
console.log(`  codes added since the pre-2015 R541-8 text: ${addedSince.join(', ')}`);
console.log(
  `  hazardous flag differences with the pre-2015 R541-8 text: ${starDiffs.map(([c, v]) => `${c} (R541-8 ${v.starred ? '*' : 'no *'})`).join(', ') || 'none'}`,
);
console.log(`  FR wording differences 2014 text vs pre-2015 R541-8 text (punctuation/case ignored): ${report.frDiffs.length}`);
if (VERBOSE) for (const d of report.frDiffs) console.log(`    ${d.code}\n      2014 : ${d.y2014}\n      R541-8: ${d.r5418}`);
for (const o of report.frOverrides) console.log(`  override ${o.code}: ${o.use} — ${o.reason}`);
console.log(
  '  chapter labelFr source:',
  Object.entries(report.chapterFrSource)
    .sort()
    .map(([c, v]) => `${c}: ${v}`)
    .join('; '),
);
console.log('Waste operations');
console.log(`  ${operations.length} codes: ${operations.map((o) => `${o.code}=${o.hierarchy}`).join(' ')}`);

if (errors.length) {
  console.error(`\n${errors.length} validation error(s):\n- ${errors.join('\n- ')}`);
  process.exit(1);
}
if (!CHECK_ONLY) {
  mkdirSync(DATA, { recursive: true });
  writeFileSync(join(DATA, 'european-list-of-waste.json'), JSON.stringify(low, null, 2) + '\n');
  writeFileSync(join(DATA, 'waste-operations.json'), JSON.stringify(ops, null, 2) + '\n');
  console.log(`\nWrote ${join(DATA, 'european-list-of-waste.json')} and ${join(DATA, 'waste-operations.json')}`);
} else console.log('\n--check: validation passed, nothing written');
