/**
 * Withheld figures ("secret statistique"), shown as INSEE shows them: the symbol « s » in place of
 * the figure, with its reason in words for assistive technologies (and as a tooltip), and a notice
 * that sums up the answer's `disclosure` report: how many figures are withheld, why, and the rules
 * with their source (docs/metabolism.md §9). A null figure without a reason is something else (not
 * computable, not declared) and keeps its own wording.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { SUPPRESSION_REASONS, type DisclosureReport, type SuppressionReason } from './types.js';

/** The rules the figures were withheld by (the report's; INSEE's by default). */
export interface Rules {
  minActors: number;
  dominanceShare: number | null;
}

const INSEE: Rules = { minActors: 3, dominanceShare: 0.85 };

/** INSEE's rules for business statistics, where Boucles takes them from (reference data `disclosure-control.json`). */
export const RULES_SOURCE = 'https://inseefrlab.github.io/manuel-protection-tableaux/chapters/annexes/regles.html';

export const RulesContext = createContext<Rules>(INSEE);

export function rulesOf(report: DisclosureReport | undefined): Rules {
  return report ? { minActors: report.minActors, dominanceShare: report.dominanceShare } : INSEE;
}

/** Small numbers in words ("moins de trois établissements"), larger ones in digits. */
function inWords(n: number): string {
  const words = t('metabolism.secret.numbers').split(',');
  return Number.isInteger(n) && n >= 0 && n < words.length ? (words[n] ?? String(n)) : number(n, 0);
}

function sharePercent(rules: Rules): string {
  return number((rules.dominanceShare ?? INSEE.dominanceShare ?? 0) * 100, 0);
}

/** Why a figure is withheld, in words: "secret statistique : moins de trois établissements". */
export function secretLabel(reason: SuppressionReason, rules: Rules): string {
  return t(`metabolism.secret.${reason}`, { n: inWords(rules.minActors), share: sharePercent(rules) });
}

/** The same in plain text, for a chart's summary or tooltip: "s (secret statistique : …)". */
export function secretText(reason: SuppressionReason, rules: Rules): string {
  return `s (${secretLabel(reason, rules)})`;
}

/** « s » in place of a withheld figure; its reason is read out and shown on hover. */
export function Secret({ reason }: { reason: SuppressionReason }) {
  const label = secretLabel(reason, useContext(RulesContext));
  return (
    <span class="metabolism-secret" title={label} data-reason={reason}>
      <span aria-hidden="true">s</span>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

/** A figure as given, or « s » when it is withheld. */
export function Fig({ reason, children }: { reason: SuppressionReason | null | undefined; children: ComponentChildren }) {
  return reason ? <Secret reason={reason} /> : <>{children}</>;
}

/**
 * What the report says: how many figures are withheld and why, the rules and their source; and, if
 * the control failed safe, that every figure resting on an actor is withheld.
 */
export function DisclosureNotice({ report, id, scope }: { report: DisclosureReport; id: string; scope: 'metabolism' | 'inter' }) {
  const rules = rulesOf(report);
  const params = { min: inWords(rules.minActors), share: sharePercent(rules) };
  const total = SUPPRESSION_REASONS.reduce((sum, r) => sum + (report.suppressed[r] ?? 0), 0);
  const reasons = SUPPRESSION_REASONS.filter((r) => (report.suppressed[r] ?? 0) > 0);
  const Heading = scope === 'metabolism' ? 'h2' : 'h3';
  return (
    <section class="alert alert-info metabolism-secret-notice" aria-labelledby={`${id}-title`} data-scope={scope}>
      <Heading id={`${id}-title`} class="metabolism-secret-title">
        <span class="metabolism-secret-symbol" aria-hidden="true">
          s
        </span>{' '}
        {t('metabolism.secret.title')}
      </Heading>
      <p>{t(`metabolism.secret.intro.${scope}`)}</p>
      {total === 0 ? (
        <p>{t('metabolism.secret.none', params)}</p>
      ) : (
        <>
          <p>
            <strong>{t(`metabolism.secret.count.${scope}`, { n: number(total, 0) })}</strong>
          </p>
          <ul>
            {reasons.map((r) => (
              <li key={r} data-reason={r}>
                {t(`metabolism.secret.reason.${r}`, { ...params, n: number(report.suppressed[r] ?? 0, 0) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {!report.complete && (
        <p>
          <strong>{t('metabolism.secret.incomplete')}</strong>
        </p>
      )}
      <p class="small">
        {t('metabolism.secret.rule', params)} {t('metabolism.secret.source')}{' '}
        <a href={RULES_SOURCE} hrefLang="fr">
          {t('metabolism.secret.sourceTitle')}
        </a>
        .
      </p>
    </section>
  );
}
