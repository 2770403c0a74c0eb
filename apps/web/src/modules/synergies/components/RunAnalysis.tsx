import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../../api/client.js';
import { pick, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { analysisRun } from '../../../app/territory.js';
import { parseDecimal } from '../../../ui/synergy-format.js';
import { SCORE_COMPONENTS, type AnalysisRunMeta, type ScoreComponent } from './types.js';

type Objective = 'co2' | 'cost';

/**
 * The form that runs an analysis. The API answers when the analysis is done (a few seconds on the
 * demo territory) and sends no progress: the progress bar is indeterminate and the text says so.
 * The run is stored: its result (and the names of actors and flows, in case they changed) are
 * loaded before the success message shows.
 */
export function RunAnalysis({ code }: { code: string }) {
  const [objective, setObjective] = useState<Objective>('co2');
  const [k, setK] = useState('');
  const [weights, setWeights] = useState<Record<ScoreComponent, string>>({
    impact: '',
    quantity: '',
    proximity: '',
    season: '',
    confidence: '',
    regulatory: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<AnalysisRunMeta | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (running) return;
    const found: Record<string, string> = {};
    const body: { objective: Objective; k?: number; weights?: Partial<Record<ScoreComponent, number>> } = { objective };
    if (k.trim() !== '') {
      const value = parseDecimal(k);
      if (!Number.isInteger(value) || value < 1 || value > 100) found.k = t('synergies.run.kInvalid');
      else body.k = value;
    }
    const given: Partial<Record<ScoreComponent, number>> = {};
    for (const component of SCORE_COMPONENTS) {
      if (weights[component].trim() === '') continue;
      const value = parseDecimal(weights[component]);
      if (!Number.isFinite(value) || value > 100) found[`weight-${component}`] = t('synergies.run.weightInvalid');
      else given[component] = value;
    }
    if (Object.keys(given).length > 0) body.weights = given;
    if (Object.keys(given).length === SCORE_COMPONENTS.length && Object.values(given).every((w) => w === 0))
      found['weight-impact'] = t('synergies.run.weightsAllZero');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      form.current?.querySelector<HTMLElement>(`#run-${first}`)?.focus();
      return;
    }
    setRunning(true);
    setDone(null);
    setFailure(null);
    try {
      const run = await api<AnalysisRunMeta>(`/api/territories/${encodeURIComponent(code)}/analyses`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      await analysisRun(code);
      setDone(run);
    } catch (error) {
      if (error instanceof ApiError && error.body.issues?.length) {
        setFailure(error.body.issues.map((i) => `${i.path} : ${pick(i.message)}`).join(' ; '));
      } else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
      // A disabled button loses the focus: give it back so the keyboard stays where it was.
      requestAnimationFrame(() => {
        if (document.activeElement === null || document.activeElement === document.body) button.current?.focus();
      });
    }
  }

  const field = (id: string) => (errors[id] ? { 'aria-invalid': true as const, 'aria-describedby': `run-${id}-error` } : {});

  return (
    <form ref={form} class="run-analysis" onSubmit={submit} noValidate aria-labelledby="lancer">
      <h2 id="lancer">{t('synergies.run.title')}</h2>
      <p>{t('synergies.run.intro')}</p>
      <fieldset>
        <legend>{t('synergies.run.objective')}</legend>
        {(['co2', 'cost'] as const).map((value) => (
          <div class="radio" key={value}>
            <input
              type="radio"
              id={`run-objective-${value}`}
              name="objective"
              value={value}
              checked={objective === value}
              onChange={() => setObjective(value)}
            />
            <label for={`run-objective-${value}`}>{t(`synergies.run.objective.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <details class="run-advanced" open={Object.keys(errors).length > 0 || undefined}>
        <summary>{t('synergies.run.advanced')}</summary>
        <label for="run-k">{t('synergies.run.k')}</label>
        <input
          id="run-k"
          type="text"
          inputMode="numeric"
          size={5}
          placeholder="10"
          value={k}
          onInput={(e) => setK(e.currentTarget.value)}
          {...field('k')}
        />
        {errors.k && (
          <p class="field-error" id="run-k-error">
            {errors.k}
          </p>
        )}
        <fieldset class="run-weights">
          <legend>{t('synergies.run.weights')}</legend>
          <p class="small muted">{t('synergies.run.weightsHint')}</p>
          <div class="run-weights-grid">
            {SCORE_COMPONENTS.map((component) => (
              <div key={component}>
                <label for={`run-weight-${component}`}>{t(`synergies.component.${component}`)}</label>
                <input
                  id={`run-weight-${component}`}
                  type="text"
                  inputMode="decimal"
                  size={6}
                  value={weights[component]}
                  onInput={(e) => setWeights({ ...weights, [component]: e.currentTarget.value })}
                  {...field(`weight-${component}`)}
                />
                {errors[`weight-${component}`] && (
                  <p class="field-error" id={`run-weight-${component}-error`}>
                    {errors[`weight-${component}`]}
                  </p>
                )}
              </div>
            ))}
          </div>
        </fieldset>
      </details>
      <p>
        <button ref={button} type="submit" disabled={running}>
          {t('synergies.run.submit')}
        </button>
      </p>
      <div role="status" aria-live="polite" class="run-status">
        {running && (
          <>
            <p id="run-progress-text">{t('synergies.run.running')}</p>
            <progress aria-labelledby="run-progress-text" />
          </>
        )}
        {done && (
          <p class="alert alert-ok">
            {t('synergies.run.done', {
              seconds: number(done.seconds, 1),
              proposed: number(done.summary.proposed, 0),
              rejected: number(done.summary.rejected, 0),
              mutualisations: number(done.summary.mutualisations, 0),
            })}
          </p>
        )}
      </div>
      {failure && (
        <p class="alert alert-error" role="alert">
          {t('synergies.run.error', { message: failure })}
        </p>
      )}
    </form>
  );
}
