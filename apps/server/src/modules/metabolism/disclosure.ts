/**
 * What readers (elected officials) and API keys may see of the metabolism: the answers of
 * `MetabolismService.metabolism()` and `.interdependencies()` with statistical disclosure control
 * ("secret statistique", docs/metabolism.md): no figure resting on fewer than 3 actors, none one
 * actor gives more than 85 % of, and none that could be recomputed from the others. Facilitators
 * keep the full figures; these functions are for the standings below them (`read`, `public`).
 *
 * Pure functions: the caller passes the service's answer and the engine input it was built from
 * (the same flows and aggregates, and the reference data's families, as the service uses). They
 * throw if the figures were not built from that input.
 */
import {
  discloseInterdependencies,
  discloseMetabolism,
  shownFlowFields,
  type DisclosedInterdependencies,
  type DisclosedMetabolismFigures,
  type DisclosedScenario,
  type DisclosureControl,
  type DisclosureReport,
  type Flow,
  type InterdependencyResult,
  type MetabolismFigures,
  type MetabolismInput,
  type ScenarioFigures,
} from '@boucles/engine';
import { loadDisclosureControl, loadMetabolismFamilies } from '@boucles/reference-data';

/** What `MetabolismService.metabolism()` answers (the parts read here). */
export interface MetabolismView extends MetabolismFigures {
  territory: { code: string; name: string };
  scenario: (ScenarioFigures & { analysisId: string; analysisCreatedAt: string }) | null;
}

/** The metabolism as a reader sees it: the same shape, figures null where withheld, with the reason. */
export interface ReaderMetabolism extends DisclosedMetabolismFigures {
  territory: { code: string; name: string };
  scenario: (DisclosedScenario & { analysisId: string; analysisCreatedAt: string }) | null;
  disclosure: DisclosureReport;
}

export interface SuppressionOptions {
  /**
   * Flows whose quantity, and what places it, their actor made public (see
   * `publicMetabolismFlowIds`): anyone can read them, so they count as known figures, not as one
   * of the actors behind a figure.
   */
  publicFlowIds?: ReadonlySet<string> | undefined;
}

/**
 * The reader's view of `MetabolismService.metabolism(who, code, options)`'s answer `view`, built
 * from `input` (the territory's flows and aggregates as the service reads them). `control` defaults
 * to the reference data's rules (3 actors, 85 %).
 */
export function suppressMetabolism(
  view: MetabolismView,
  input: MetabolismInput,
  control: DisclosureControl = loadDisclosureControl(),
  options: SuppressionOptions = {},
): ReaderMetabolism {
  const d = discloseMetabolism(input, view, loadMetabolismFamilies(), control, view.scenario, { publicFlowIds: options.publicFlowIds });
  return {
    territory: { code: view.territory.code, name: view.territory.name },
    accounts: d.accounts,
    indicators: d.indicators,
    massBalance: d.massBalance,
    sankey: d.sankey,
    scenario:
      view.scenario && d.scenario
        ? { analysisId: view.scenario.analysisId, analysisCreatedAt: view.scenario.analysisCreatedAt, ...d.scenario }
        : null,
    disclosure: d.disclosure,
  };
}

/**
 * The reader's view of `MetabolismService.interdependencies(who, codes)`'s answer `result`, with the
 * input of each territory by code (every territory of the result must have one).
 */
export function suppressInterdependencies(
  result: InterdependencyResult,
  inputsByTerritory: Readonly<Record<string, MetabolismInput>> | ReadonlyMap<string, MetabolismInput>,
  control: DisclosureControl = loadDisclosureControl(),
  options: SuppressionOptions = {},
): DisclosedInterdependencies {
  const inputOf = (code: string): MetabolismInput | undefined =>
    inputsByTerritory instanceof Map ? inputsByTerritory.get(code) : (inputsByTerritory as Readonly<Record<string, MetabolismInput>>)[code];
  const territories = result.territories.map((t) => {
    const input = inputOf(t.code);
    if (!input) throw new Error(`no metabolism input given for territory ${t.code}`);
    return { code: t.code, name: t.name, input };
  });
  return discloseInterdependencies(result, territories, loadMetabolismFamilies(), control, { publicFlowIds: options.publicFlowIds });
}

/**
 * The flows anyone may place in the metabolism (for `publicFlowIds`): those whose quantity and
 * whatever says where they count are public (the engine's `FLOW_FIELD_SOURCES`: an output's waste
 * code and fate, an input's origin). A public quantity with a hidden fate is not enough: a figure
 * resting on that flow alone would tell where it goes.
 */
export function publicMetabolismFlowIds(flows: Iterable<Pick<Flow, 'id' | 'direction' | 'confidentiality'>>): Set<string> {
  const out = new Set<string>();
  for (const f of flows) {
    if (shownFlowFields(f.confidentiality, ['public']).has(f.direction === 'output' ? 'metabolismOutput' : 'metabolismInput'))
      out.add(f.id);
  }
  return out;
}
