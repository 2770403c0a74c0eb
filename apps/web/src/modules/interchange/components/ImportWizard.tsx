/**
 * The import wizard: 1) choose the file and the mode, 2) the report of a dry run, 3) confirm the
 * writing mode, 4) the result. Whatever the mode chosen, the file is first checked with a dry run;
 * nothing is written before the user confirms. Each step has its heading, which takes the focus
 * when the step changes, so that screen readers announce it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../../api/client.js';
import { invalidate, territoryKey } from '../../../api/query.js';
import { pick, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { normaliseHeader, readIssueValues, type CellValue } from './cellValues.js';
import { ReportView } from './ReportView.js';
import { IMPORT_MODES, SHEET_NAMES, isMode, isSheet, type ImportMode, type ImportReport, type SheetName } from './types.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STEPS = ['choose', 'report', 'confirm', 'result'] as const;
type Step = (typeof STEPS)[number];
const WRITE_MODES = ['all-or-nothing', 'valid-rows'] as const satisfies readonly ImportMode[];
type WriteMode = (typeof WRITE_MODES)[number];

type Kind = 'xlsx' | 'csv';

/** The kind of a file by its name, else by the type the browser gives it. */
export function kindOf(file: File): Kind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  if (file.type === XLSX_TYPE) return 'xlsx';
  if (file.type === 'text/csv' || file.type === 'application/csv') return 'csv';
  return null;
}

/** The sheet a CSV file's name suggests (`acteurs.csv`, `DEMO-VALBOUCLES-flux.csv`). */
export function sheetOfName(name: string): SheetName | null {
  const base = normaliseHeader(name.replace(/\.[^.]*$/, ''));
  return SHEET_NAMES.find((s) => base === s || base.startsWith(`${s}_`) || base.endsWith(`_${s}`)) ?? null;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? t('importexport.file.size.mb', { n: number(bytes / (1024 * 1024), 1) })
    : t('importexport.file.size.kb', { n: number(Math.max(1, bytes / 1024), 0) });
}

function totals(report: ImportReport): { created: number; updated: number; unchanged: number; rejected: number } {
  const sum = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const sheet of SHEET_NAMES) {
    const c = report.counts[sheet];
    sum.created += c.created;
    sum.updated += c.updated;
    sum.unchanged += c.unchanged;
    sum.rejected += c.rejected;
  }
  return sum;
}

interface Problem {
  title: string;
  detail: string;
  hint: string;
  issues: string[];
}

/** The statuses with a title of their own, and those with a hint of what to do. */
const KNOWN_STATUSES = [400, 404, 413, 415] as const;
const HINTED_STATUSES = [400, 413, 415] as const;

/** What to tell the user about a failed request: 400 (unreadable file), 413, 415, network. */
function describe(error: unknown): Problem {
  if (error instanceof ApiError) {
    const status = KNOWN_STATUSES.find((s) => s === error.status);
    const hinted = HINTED_STATUSES.find((s) => s === error.status);
    // Some errors (e.g. from a proxy) carry a plain-text message instead of a bilingual one.
    const raw: unknown = (error.body as { message?: unknown }).message;
    const detail = typeof raw === 'string' ? raw : error.message;
    return {
      title: t(status ? `importexport.error.title.${status}` : 'importexport.error.title.other'),
      detail: detail.startsWith('HTTP ') ? '' : detail,
      hint: hinted ? t(`importexport.error.hint.${hinted}`) : '',
      issues: (error.body.issues ?? []).map((i) => `${i.path} — ${pick(i.message)}`),
    };
  }
  return { title: t('importexport.error.title.other'), detail: t('importexport.error.network'), hint: '', issues: [] };
}

function ProblemAlert({ problem }: { problem: Problem }) {
  return (
    <div class="alert alert-error ie-problem" role="alert">
      <p>
        <strong>{problem.title}</strong> {problem.detail}
      </p>
      {problem.issues.length > 0 && (
        <ul>
          {problem.issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {problem.hint && <p>{problem.hint}</p>}
    </div>
  );
}

function StepHeading({ step }: { step: Step }) {
  const n = STEPS.indexOf(step) + 1;
  return (
    <h3 tabIndex={-1} id={`ie-step-${step}`} data-step={step} class="ie-step-heading">
      {t('importexport.step.heading', { n, name: t(`importexport.step.${step}`) })}
    </h3>
  );
}

export function ImportWizard({ code }: { code: string }) {
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [csvSheet, setCsvSheet] = useState<SheetName>('acteurs');
  const [mode, setMode] = useState<ImportMode>('dry-run');
  const [writeMode, setWriteMode] = useState<WriteMode>('all-or-nothing');
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [values, setValues] = useState<ReadonlyMap<string, CellValue>>(new Map());
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);

  // The step's heading takes the focus when the step changes (not when the page opens).
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    root.current?.querySelector<HTMLElement>(`[data-step="${step}"]`)?.focus();
  }, [step]);

  const kind = file ? kindOf(file) : null;

  function upload(chosen: File, uploadMode: ImportMode): Promise<ImportReport> {
    const params = new URLSearchParams({ mode: uploadMode, fileName: chosen.name.slice(0, 255) });
    const fileKind = kindOf(chosen);
    if (fileKind === 'csv') params.set('sheet', csvSheet);
    return api<ImportReport>(`/api/territories/${encodeURIComponent(code)}/imports?${params.toString()}`, {
      method: 'POST',
      headers: { 'content-type': fileKind === 'csv' ? 'text/csv' : XLSX_TYPE },
      body: chosen,
    });
  }

  function onFileChange(e: Event) {
    const chosen = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
    setFile(chosen);
    setCheck(null);
    setProblem(null);
    setFieldError(chosen && !kindOf(chosen) ? t('importexport.file.wrongType', { name: chosen.name }) : null);
    if (chosen && kindOf(chosen) === 'csv') setCsvSheet(sheetOfName(chosen.name) ?? 'acteurs');
  }

  async function onCheck(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    if (!file || !kindOf(file)) {
      setFieldError(file ? t('importexport.file.wrongType', { name: file.name }) : t('importexport.file.required'));
      fileInput.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy('checking');
    try {
      const report = await upload(file, 'dry-run');
      setValues(await readIssueValues(file, report.issues, kindOf(file) === 'csv' ? csvSheet : null));
      setCheck(report);
      setWriteMode(mode === 'valid-rows' ? 'valid-rows' : 'all-or-nothing');
      setStep('report');
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setBusy(null);
      // Every check is recorded in the history.
      void invalidate(territoryKey(code, 'imports'));
    }
  }

  async function onConfirm(e: Event) {
    e.preventDefault();
    if (busy || !file) return;
    setProblem(null);
    setBusy('importing');
    try {
      setResult(await upload(file, writeMode));
      setStep('result');
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setBusy(null);
      // The history, and whatever the import wrote: any record of the territory.
      void invalidate(territoryKey(code));
    }
  }

  function goTo(next: Step) {
    setProblem(null);
    setStep(next);
  }

  function restart() {
    form.current?.reset();
    setFile(null);
    setCheck(null);
    setResult(null);
    setValues(new Map());
    setProblem(null);
    setFieldError(null);
    setMode('dry-run');
    setStep('choose');
  }

  const checkTotals = check ? totals(check) : null;
  const resultTotals = result ? totals(result) : null;

  return (
    <div class="ie-wizard" ref={root}>
      <ol class="ie-steps" aria-label={t('importexport.steps.label')}>
        {STEPS.map((s, i) => {
          const current = s === step;
          const done = STEPS.indexOf(step) > i;
          return (
            <li key={s} aria-current={current ? 'step' : undefined} class={current ? 'ie-step-current' : done ? 'ie-step-done' : undefined}>
              <span class="ie-step-number" aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>{' '}
              {t(`importexport.step.${s}`)}
              {done && <span class="visually-hidden"> {t('importexport.steps.done')}</span>}
            </li>
          );
        })}
      </ol>

      <p role="status" aria-live="polite" class="ie-busy">
        {busy ? t(busy === 'checking' ? 'importexport.checking' : 'importexport.importing') : ''}
      </p>

      {/* Step 1 stays in the page when hidden, so that the file input keeps the chosen file. */}
      <section hidden={step !== 'choose'} aria-labelledby="ie-step-choose">
        <StepHeading step="choose" />
        <form ref={form} onSubmit={onCheck} noValidate>
          <label for="ie-file">{t('importexport.file.label')}</label>
          <p id="ie-file-hint" class="muted small ie-hint">
            {t('importexport.file.hint')}
          </p>
          <input
            ref={fileInput}
            id="ie-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={fieldError ? 'ie-file-hint ie-file-error' : 'ie-file-hint'}
            aria-invalid={fieldError ? 'true' : undefined}
            onChange={onFileChange}
          />
          {fieldError && (
            <p id="ie-file-error" class="field-error">
              {fieldError}
            </p>
          )}
          {file && !fieldError && (
            <p class="small ie-chosen">{t('importexport.file.chosen', { name: file.name, size: sizeText(file.size) })}</p>
          )}

          {kind === 'csv' && (
            <>
              <label for="ie-sheet">{t('importexport.sheet.label')}</label>
              <p id="ie-sheet-hint" class="muted small ie-hint">
                {t('importexport.sheet.hint')}
              </p>
              <select
                id="ie-sheet"
                aria-describedby="ie-sheet-hint"
                value={csvSheet}
                onChange={(e) => isSheet(e.currentTarget.value) && setCsvSheet(e.currentTarget.value)}
              >
                {SHEET_NAMES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </>
          )}

          <fieldset class="ie-modes" aria-describedby="ie-mode-hint">
            <legend>{t('importexport.mode.legend')}</legend>
            <p id="ie-mode-hint" class="muted small ie-hint">
              {t('importexport.mode.hint')}
            </p>
            {IMPORT_MODES.map((m) => (
              <div class="ie-option" key={m}>
                <input
                  type="radio"
                  id={`ie-mode-${m}`}
                  name="ie-mode"
                  value={m}
                  checked={mode === m}
                  aria-describedby={`ie-mode-${m}-help`}
                  onChange={(e) => isMode(e.currentTarget.value) && setMode(e.currentTarget.value)}
                />
                <label for={`ie-mode-${m}`}>{t(`importexport.mode.${m}`)}</label>
                <p id={`ie-mode-${m}-help`} class="ie-option-help">
                  {t(`importexport.mode.${m}.help`)}
                </p>
              </div>
            ))}
          </fieldset>

          {step === 'choose' && problem && <ProblemAlert problem={problem} />}
          <div class="ie-actions">
            <button type="submit" aria-disabled={busy ? 'true' : undefined}>
              {t('importexport.check')}
            </button>
          </div>
        </form>
      </section>

      {step === 'report' && check && checkTotals && (
        <section aria-labelledby="ie-step-report">
          <StepHeading step="report" />
          <p>{t('importexport.report.checkedFile', { name: file?.name ?? '' })}</p>
          <p class={check.issueCount > 0 ? 'alert alert-warn' : 'alert alert-ok'}>
            {check.issueCount > 0
              ? t('importexport.report.summary.errors', { n: number(check.issueCount, 0) })
              : t('importexport.report.summary.ok')}{' '}
            {t('importexport.report.nothingWritten')}
          </p>
          <ReportView report={check} phase="check" values={values} />
          <div class="ie-actions">
            <button type="button" onClick={() => goTo('confirm')}>
              {t('importexport.next')}
            </button>
            <button type="button" class="secondary" onClick={() => goTo('choose')}>
              {t('importexport.back')}
            </button>
          </div>
        </section>
      )}

      {step === 'confirm' && check && checkTotals && (
        <section aria-labelledby="ie-step-confirm">
          <StepHeading step="confirm" />
          <form onSubmit={onConfirm}>
            <h4>{t('importexport.confirm.recap')}</h4>
            <dl class="ie-recap">
              <div>
                <dt>{t('importexport.confirm.file')}</dt>
                <dd>{file?.name}</dd>
              </div>
              <div>
                <dt>{t('importexport.confirm.checked')}</dt>
                <dd>
                  {t('importexport.confirm.checkedValue', {
                    created: number(checkTotals.created, 0),
                    updated: number(checkTotals.updated, 0),
                    unchanged: number(checkTotals.unchanged, 0),
                    rejected: number(checkTotals.rejected, 0),
                  })}
                </dd>
              </div>
            </dl>
            <fieldset class="ie-modes">
              <legend>{t('importexport.confirm.legend')}</legend>
              {WRITE_MODES.map((m) => (
                <div class="ie-option" key={m}>
                  <input
                    type="radio"
                    id={`ie-write-${m}`}
                    name="ie-write"
                    value={m}
                    checked={writeMode === m}
                    aria-describedby={`ie-write-${m}-help`}
                    onChange={() => setWriteMode(m)}
                  />
                  <label for={`ie-write-${m}`}>{t(`importexport.mode.${m}`)}</label>
                  <p id={`ie-write-${m}-help`} class="ie-option-help">
                    {t(`importexport.mode.${m}.help`)}
                  </p>
                </div>
              ))}
            </fieldset>
            <p class={writeMode === 'all-or-nothing' && check.issueCount > 0 ? 'alert alert-warn' : 'alert alert-ok'} aria-live="polite">
              {writeMode === 'all-or-nothing'
                ? check.issueCount > 0
                  ? t('importexport.confirm.outcome.allErrors', { n: number(check.issueCount, 0) })
                  : t('importexport.confirm.outcome.allOk')
                : checkTotals.rejected > 0
                  ? t('importexport.confirm.outcome.validRejected', { n: number(checkTotals.rejected, 0) })
                  : t('importexport.confirm.outcome.valid')}
            </p>
            {problem && <ProblemAlert problem={problem} />}
            <div class="ie-actions">
              <button type="submit" aria-disabled={busy ? 'true' : undefined}>
                {t('importexport.confirm.button')}
              </button>
              <button type="button" class="secondary" onClick={() => goTo('report')}>
                {t('importexport.backToReport')}
              </button>
            </div>
          </form>
        </section>
      )}

      {step === 'result' && result && resultTotals && (
        <section aria-labelledby="ie-step-result">
          <StepHeading step="result" />
          <p class={result.written ? 'alert alert-ok' : 'alert alert-warn'}>
            {result.written ? t('importexport.result.written') : t('importexport.result.notWritten')}{' '}
            {t('importexport.result.counts', {
              created: number(resultTotals.created, 0),
              updated: number(resultTotals.updated, 0),
              unchanged: number(resultTotals.unchanged, 0),
              rejected: number(resultTotals.rejected, 0),
            })}
          </p>
          {result.rejectedFile && (
            <p class="ie-download">
              <a href={result.rejectedFile} download="rejets.xlsx">
                {t('importexport.result.rejectedFile')}
              </a>
            </p>
          )}
          <ReportView report={result} phase="result" values={values} />
          <div class="ie-actions">
            <button type="button" onClick={restart}>
              {t('importexport.result.again')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
