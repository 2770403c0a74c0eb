import { DEFAULT_LIMITS, parseJsonText, SYSTEM } from '@boucles/server';
/** `boucles analyse`: the synergy analysis of a territory document or of a stored territory. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compatibilityRulesFileSchema, parseBilingual, ValidationError, type AnalysisResult } from '@boucles/engine';
import type { AnalysisRequest, Services } from '@boucles/server';
import type { Io } from './io.js';

export interface AnalyseArgs {
  /** A territory document (JSON) to analyse without writing anything, or… */
  file?: string | undefined;
  /** …the code of a stored territory, whose analysis is stored. */
  territory?: string | undefined;
  objective: 'co2' | 'cost';
  k: number;
  json: boolean;
  rulesFile?: string | undefined;
  top: number;
}

/** Reads and checks a rules file; its faults are reported by path, prefixed with the file's name. */
export function readRulesFile(path: string): NonNullable<AnalysisRequest['rules']> {
  // Read with the limits of every user file (size, depth); faults located by line and column.
  const raw = parseJsonText(readFileSync(path, 'utf8'), basename(path), DEFAULT_LIMITS);
  const parsed = parseBilingual(compatibilityRulesFileSchema, raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues.map((i) => ({ ...i, path: `${basename(path)}:${i.path}` })));
  return { version: parsed.value.version, rules: parsed.value.rules, source: basename(path) };
}

const nf = (n: number, digits = 1): string => n.toLocaleString('fr-FR', { maximumFractionDigits: digits }).replace(/\u202f/g, ' ');

/** The ranked table of synergies and mutualisations, in French. */
export function formatAnalysis(result: AnalysisResult, names: Map<string, string>, top: number): string[] {
  const s = result.summary;
  const lines = [
    `Analyse : moteur ${result.engineVersion}, règles ${result.rulesVersion}, facteurs ${result.impactFactorsVersion}, objectif ${result.objective === 'co2' ? 'CO2e évité' : 'euros économisés'}, k = ${result.k}`,
    `${s.candidates} candidats, ${s.proposed} synergies proposées, ${s.rejected} rejetées${
      Object.keys(s.rejectedBy).length
        ? ` (${Object.entries(s.rejectedBy)
            .map(([k, v]) => `${k} : ${v}`)
            .join(', ')})`
        : ''
    }, ${s.mutualisations} mutualisations${s.notLocatedFlows ? `, ${s.notLocatedFlows} flux sans coordonnées écartés` : ''}.`,
    `Alloué : ${nf(s.allocatedTonnes)} t/an ; ${nf(s.co2eAvoidedTonnes)} t CO2e/an évitées ; ${nf(s.divertedTonnes)} t/an détournées de l'élimination (estimations).`,
    '',
  ];
  const rows = result.synergies.slice(0, top).map((x, i) => {
    const q =
      x.allocation.quantity === null
        ? '—'
        : x.allocation.quantity === 0
          ? '0 (non retenue)'
          : `${nf(x.allocation.quantity)} ${x.allocation.unit}`;
    const co2 = x.impacts.figures.co2eAvoided.value;
    return [
      String(i + 1),
      nf(x.score.value),
      `${names.get(x.supplierActorId) ?? x.supplierActorId} → ${names.get(x.receiverActorId) ?? x.receiverActorId}`,
      x.ruleId,
      `${nf(x.distanceKm)} km`,
      q,
      co2 === null ? '—' : nf(co2, 2),
    ];
  });
  const header = ['#', 'Score', 'Fournisseur → receveur', 'Règle', 'Distance', 'Quantité/an', 't CO2e/an'];
  const widths = header.map((h, c) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (cell.length > (widths[c] ?? 0) ? `${cell.slice(0, (widths[c] ?? 1) - 1)}…` : cell.padEnd(widths[c] ?? 0)))
      .join('  ');
  lines.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  if (result.synergies.length > top) lines.push(`… et ${result.synergies.length - top} autres (--top N, ou --json pour tout).`);
  if (result.mutualisations.length > 0) {
    lines.push('', 'Mutualisations :');
    for (const m of result.mutualisations)
      lines.push(
        `  ${m.kind === 'shared_need' ? 'besoin partagé' : 'petit gisement'} ${m.category}${m.resourceCode ? ` (${m.resourceCode})` : ''} : ${m.members.length} membres — ${m.explanation.fr}`,
      );
  }
  return lines;
}

export async function runAnalyse(services: Services, code: string, args: AnalyseArgs, io: Io, store: boolean): Promise<number> {
  const request: AnalysisRequest = {
    objective: args.objective,
    k: args.k,
    rules: args.rulesFile ? readRulesFile(args.rulesFile) : undefined,
  };
  const result = store
    ? (await services.analyses.run(SYSTEM, code, request)).result
    : (await services.analyses.compute(SYSTEM, code, request)).result;
  if (args.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const actors = await services.territoryData.listActors(SYSTEM, code, {}, { limit: 100000, offset: 0 });
  const names = new Map(actors.items.map((a) => [a.id, a.name]));
  for (const l of formatAnalysis(result, names, args.top)) io.out(l);
  return 0;
}
