import assert from 'node:assert/strict';
import { test } from 'node:test';
import { furthestStep, stampSteps, SYNERGY_STATUSES, transitionError, type StepStamps } from './status.js';

test('a synergy moves forward one or several steps, may be abandoned while open, and never goes back', () => {
  assert.equal(transitionError('detected', 'proposed'), null);
  assert.equal(transitionError('proposed', 'being_implemented'), null);
  assert.equal(transitionError('in_discussion', 'abandoned'), null);
  assert.equal(transitionError('abandoned', 'proposed'), null);
  assert.match(transitionError('abandoned', 'in_discussion')?.fr ?? '', /rouverte/);
  assert.match(transitionError('implemented', 'abandoned')?.fr ?? '', /ne change plus/);
  assert.equal(
    transitionError('being_implemented', 'proposed')?.fr,
    'retour en arrière impossible : de « en cours de mise en œuvre » à « proposée »',
  );
  for (const s of SYNERGY_STATUSES) assert.equal(transitionError(s, s), null, `staying ${s} is allowed`);
});

test('jumping ahead stamps every step passed, and keeps the times already recorded', () => {
  const stamps: StepStamps = { proposedAt: '2026-01-01', discussionAt: null, implementationStartedAt: null, implementedAt: null };
  stampSteps(stamps, 1, 'implemented', '2026-02-02');
  assert.deepEqual(stamps, {
    proposedAt: '2026-01-01',
    discussionAt: '2026-02-02',
    implementationStartedAt: '2026-02-02',
    implementedAt: '2026-02-02',
  });
});

test('an abandoned synergy counts at the furthest step its times show', () => {
  assert.equal(furthestStep(undefined, 'abandoned'), 'detected');
  assert.equal(
    furthestStep({ proposedAt: 'x', discussionAt: 'y', implementationStartedAt: null, implementedAt: null }, 'abandoned'),
    'in_discussion',
  );
  assert.equal(furthestStep(undefined, 'being_implemented'), 'being_implemented');
});
