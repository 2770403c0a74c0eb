/** `boucles import`: imports spreadsheets into a territory, with progress and a report in French. */
import { statSync, writeFileSync } from 'node:fs';
import type { SheetName } from '@boucles/engine';
import {
  IMPORT_MODES,
  limitsFromEnv,
  rejectedCsv,
  rejectedWorkbook,
  rowsOfFiles,
  type ImportMode,
  type ImportProgress,
  type ImportReport,
  type Services,
  SYSTEM,
} from '@boucles/server';
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

const MODE_FR: Record<ImportMode, string> = {
  'dry-run': 'essai à blanc (rien n’est écrit)',
  'all-or-nothing': 'tout ou rien',
  'valid-rows': 'lignes valides seulement',
};
const PHASE_FR: Record<ImportProgress['phase'], string> = { read: 'lecture', check: 'vérification', write: 'écriture' };

export interface ImportArgs {
  files: string[];
  territory: string;
  mode: ImportMode;
  sheet?: string | undefined;
  rejectedPath?: string | undefined;
  progress: boolean;
}

export function parseMode(raw: string | undefined): ImportMode | undefined {
  const mode = raw ?? 'all-or-nothing';
  return (IMPORT_MODES as readonly string[]).includes(mode) ? (mode as ImportMode) : undefined;
}

export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const errors = report.issueCount;
  const outcome =
    report.mode === 'dry-run'
      ? `rien n'a été écrit (essai à blanc) ; ${errors} erreur(s) trouvée(s)`
      : report.written
        ? errors
          ? `lignes valides écrites ; ${errors} erreur(s), lignes concernées rejetées`
          : 'tout a été écrit'
        : `rien n'a été écrit : ${errors} erreur(s)`;
  lines.push(`Import dans ${report.territory} — mode : ${MODE_FR[report.mode]} — ${outcome}.`);
  lines.push('');
  lines.push('feuille     créées  mises à jour  inchangées  rejetées');
  for (const sheet of ['acteurs', 'sites', 'flux', 'besoins'] as SheetName[]) {
    const c = report.counts[sheet];
    lines.push(
      `${sheet.padEnd(10)} ${String(c.created).padStart(7)} ${String(c.updated).padStart(13)} ${String(c.unchanged).padStart(11)} ${String(c.rejected).padStart(9)}`,
    );
  }
  if (report.issues.length) {
    lines.push('', 'Erreurs :');
    for (const i of report.issues) lines.push(`  ${i.sheet}, ligne ${i.row}${i.column ? `, colonne ${i.column}` : ''} : ${i.message.fr}`);
    if (report.issueCount > report.issues.length) lines.push(`  … et ${report.issueCount - report.issues.length} autres.`);
  }
  if (report.warnings.length) {
    lines.push('', 'Avertissements :');
    for (const w of report.warnings.slice(0, 200)) lines.push(`  ${w.sheet}, ligne ${w.row} : ${w.message.fr}`);
    if (report.warnings.length > 200) lines.push(`  … et ${report.warnings.length - 200} autres.`);
  }
  if (report.ignoredSheets.length) lines.push('', `Feuilles ignorées : ${report.ignoredSheets.join(', ')}`);
  return lines;
}

export async function runImport(services: Services, args: ImportArgs, io: Io): Promise<number> {
  const bytes = args.files.reduce((sum, f) => sum + statSync(f).size, 0);
  const showBar = args.progress && bytes > 1_000_000 && process.stderr.isTTY === true;
  const bar = showBar
    ? new cliProgress.SingleBar({
        format: 'Import — {phase} : {value} lignes',
        stream: process.stderr,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      })
    : undefined;
  bar?.start(0, 0, { phase: PHASE_FR.read });
  // Without a terminal, each phase and each batch written is a line of its own (logs, CI, tests).
  let lastPhase = '';
  const logLine = (p: ImportProgress): void => {
    if (process.stderr.isTTY) return;
    if (p.phase !== lastPhase || p.phase === 'write') io.err(`Import — ${PHASE_FR[p.phase]} : ${p.rows} lignes`);
    lastPhase = p.phase;
  };
  let report: ImportReport;
  try {
    report = await services.territoryImports.import(
      SYSTEM,
      args.territory,
      rowsOfFiles(
        args.files.map((path) => ({ path, sheet: args.sheet })),
        limitsFromEnv(),
      ),
      args.mode,
      (p) => {
        bar?.update(p.rows, { phase: PHASE_FR[p.phase] });
        if (args.progress) logLine(p);
      },
    );
  } finally {
    bar?.stop();
  }
  for (const line of formatReport(report)) io.out(line);
  const rejectedSheets = Object.keys(report.rejected) as SheetName[];
  if (report.mode === 'valid-rows' && rejectedSheets.length) {
    const first = args.files[0] ?? 'import';
    const isCsv = /\.csv$/i.test(first);
    if (isCsv && rejectedSheets.length === 1) {
      const path = args.rejectedPath ?? first.replace(/\.csv$/i, '.rejets.csv');
      writeFileSync(path, rejectedCsv(report.rejected, rejectedSheets[0] as SheetName) ?? Buffer.alloc(0));
      io.out(`\nLignes rejetées, à corriger puis réimporter : ${path}`);
    } else {
      const path = args.rejectedPath ?? first.replace(/\.(csv|xlsx)$/i, '') + '.rejets.xlsx';
      writeFileSync(path, await rejectedWorkbook(report.rejected));
      io.out(`\nLignes rejetées, à corriger puis réimporter : ${path}`);
    }
  }
  return report.issueCount > 0 && report.mode !== 'valid-rows' ? 1 : 0;
}
