import { describe, expect, it } from 'vitest';
import {
  bantGaps,
  bantPromptKey,
  emptyBant,
  missingBant,
  suggestsDisqualify,
} from '../../../domain/bant';
import {
  DEFAULT_STAGE_TEXTS_EN,
  defaultStages,
  pipelineProblems,
  stageMoveWarnings,
  uncheckedExitItems,
} from '../../../domain/stages';
import type { Bant } from '../../../domain/types';

const english = (key: string) => DEFAULT_STAGE_TEXTS_EN[key] ?? `MISSING ${key}`;

describe('BANT', () => {
  it('lists the unknown items as gaps, with a question to ask for each', () => {
    const bant: Bant = {
      ...emptyBant(),
      budget: { state: 'confirmed', note: '40k' },
      need: { state: 'missing', note: '' },
    };
    expect(bantGaps(bant)).toEqual(['authority', 'timeline']);
    expect(bantGaps(emptyBant())).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(bantPromptKey('authority')).toBe('bant_prompt_authority');
  });

  it('suggests disqualifying when something is missing', () => {
    expect(suggestsDisqualify(emptyBant())).toBe(false);
    const noBudget: Bant = {
      ...emptyBant(),
      budget: { state: 'missing', note: 'frozen until Q3' },
    };
    expect(suggestsDisqualify(noBudget)).toBe(true);
    expect(missingBant(noBudget)).toEqual(['budget']);
  });
});

describe('stages', () => {
  const stages = defaultStages(english);

  it('has the seven usual stages in order, each with an entry definition and an exit checklist', () => {
    expect(stages.map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Initial contact',
      'Needs assessment',
      'Proposal',
      'Negotiation',
      'Closing',
    ]);
    for (const stage of stages) {
      expect(stage.entry).not.toMatch(/MISSING/);
      expect(stage.exitChecklist.length).toBeGreaterThanOrEqual(2);
      for (const item of stage.exitChecklist) expect(item.text).not.toMatch(/MISSING/);
    }
    expect(stages.filter((s) => s.bantGate).map((s) => s.id)).toEqual(['qualification']);
    expect(pipelineProblems(stages)).toEqual([]);
  });

  it('shows the exit items not yet ticked', () => {
    const qualification = stages[1]!;
    expect(uncheckedExitItems(qualification, ['qualification.2']).map((i) => i.text)).toEqual([
      'Budget confirmed',
      'Need and timeline understood',
    ]);
  });

  it('warns when a deal leaves Qualification with gaps, never when it moves back', () => {
    const gappy: Bant = { ...emptyBant(), budget: { state: 'confirmed', note: '' } };
    expect(stageMoveWarnings(stages, 'qualification', 'proposal', gappy)).toEqual([
      { kind: 'bant-gaps', gaps: ['authority', 'need', 'timeline'] },
    ]);
    expect(stageMoveWarnings(stages, 'prospecting', 'initial-contact', gappy)).toHaveLength(1);
    expect(stageMoveWarnings(stages, 'prospecting', 'qualification', gappy)).toEqual([]);
    expect(stageMoveWarnings(stages, 'proposal', 'qualification', gappy)).toEqual([]);
    const full: Bant = {
      budget: { state: 'confirmed', note: '' },
      authority: { state: 'confirmed', note: '' },
      need: { state: 'missing', note: '' },
      timeline: { state: 'confirmed', note: '' },
    };
    expect(stageMoveWarnings(stages, 'qualification', 'proposal', full)).toEqual([]);
  });

  it('finds what is wrong with an edited pipeline', () => {
    expect(pipelineProblems([])).toEqual(['A pipeline needs at least one stage']);
    const broken = [stages[0]!, { ...stages[1]!, id: 'prospecting', name: ' ' }];
    expect(pipelineProblems(broken)).toEqual([
      'Stage 2 repeats the id "prospecting"',
      'Stage 2 has no name',
    ]);
  });
});
