import { SYSTEM } from '@boucles/server';
/** `boucles metabolisme`: flow accounts, indicators, mass balance, scenario and interdependencies. */
import { writeFileSync } from 'node:fs';
import type { Services } from '@boucles/server';
import type { Io } from './io.js';

export interface MetabolismArgs {
  json: boolean;
  /** Apply the synergies of a fresh analysis (or of the latest stored one) and show before/after. */
  scenario: boolean;
  /** Other stored territories: interdependencies with them. */
  with: string[];
  /** Write the accounts and indicators to a CSV or XLSX file. */
  out?: string | undefined;
}

const nf = (n: number | null, digits = 1): string =>
  n === null ? '—' : n.toLocaleString('fr-FR', { maximumFractionDigits: digits }).replace(/\u202f/g, ' ');

export async function runMetabolism(
  services: Services,
  code: string,
  args: MetabolismArgs,
  io: Io,
  analyseFirst: boolean,
): Promise<number> {
  if (args.scenario && analyseFirst) await services.analyses.run(SYSTEM, code, { objective: 'co2' });
  const result = await services.metabolism.fullMetabolism(SYSTEM, code, { scenario: args.scenario ? 'latest' : undefined });
  const inter = args.with.length > 0 ? await services.metabolism.fullInterdependencies(SYSTEM, [code, ...args.with]) : null;
  if (args.out) {
    const format = args.out.endsWith('.csv') ? 'csv' : 'xlsx';
    writeFileSync(args.out, await services.metabolism.exportMetabolism(SYSTEM, code, format));
  }
  if (args.json) {
    io.out(JSON.stringify(inter ? { ...result, interdependencies: inter } : result, null, 2));
    return 0;
  }
  io.out(`Métabolisme de ${result.territory.name} (${result.territory.code})`);
  for (const b of Object.values(result.massBalance)) io.out(`  Bilan ${b.layer} : ${b.message.fr}`);
  io.out('');
  io.out('Indicateurs (territoire entier) :');
  for (const i of result.indicators.filter((x) => x.family === undefined)) {
    io.out(`  ${i.name.fr} [${i.layer}] : ${i.value === null ? `non calculable — ${i.missing?.fr ?? ''}` : `${nf(i.value)} ${i.unit}`}`);
  }
  if (result.scenario) {
    io.out('');
    io.out(
      `Scénario : ${result.scenario.applied.length} synergies de l'analyse ${result.scenario.analysisId} appliquées, ${result.scenario.skipped.length} écartées.`,
    );
    for (const c of result.scenario.comparison.filter((x) => x.family === undefined && x.delta !== null && x.delta !== 0)) {
      io.out(`  ${c.name.fr} [${c.layer}] : ${nf(c.before)} → ${nf(c.after)} ${c.unit} (${(c.delta ?? 0) > 0 ? '+' : ''}${nf(c.delta)})`);
    }
  }
  if (inter) {
    io.out('');
    io.out(`Interdépendances avec ${args.with.join(', ')} : ${inter.rows.length} lignes (--json pour le détail).`);
  }
  if (args.out) io.out(`Comptes et indicateurs écrits : ${args.out}`);
  return 0;
}
