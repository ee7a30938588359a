import { bantGaps } from './bant';
import type { Bant, BantKey, ChecklistItem, StageDefinition } from './types';

/** The usual seven stages, in order. Outcomes (won, lost, disqualified) are statuses. */
export const DEFAULT_STAGE_IDS = [
  'prospecting',
  'qualification',
  'initial-contact',
  'needs-assessment',
  'proposal',
  'negotiation',
  'closing',
] as const;

const EXIT_ITEM_COUNT: Record<(typeof DEFAULT_STAGE_IDS)[number], number> = {
  prospecting: 2,
  qualification: 3,
  'initial-contact': 2,
  'needs-assessment': 3,
  proposal: 2,
  negotiation: 2,
  closing: 2,
};

/** Message keys may hold letters, digits and underscores only. */
export function stageTextKey(stageId: string, part: string): string {
  return `stage_${stageId.replaceAll('-', '_')}_${part}`;
}

/** The English text of every default stage's name, entry definition and exit checklist. */
export const DEFAULT_STAGE_TEXTS_EN: Record<string, string> = {
  stage_prospecting_name: 'Prospecting',
  stage_prospecting_entry: 'The company fits the ideal customer profile and a contact is known',
  stage_prospecting_exit_1: 'Decision-making contact found',
  stage_prospecting_exit_2: 'First message sent',
  stage_qualification_name: 'Qualification',
  stage_qualification_entry: 'The lead has replied and agreed to talk',
  stage_qualification_exit_1: 'Budget confirmed',
  stage_qualification_exit_2: 'Decision maker identified',
  stage_qualification_exit_3: 'Need and timeline understood',
  stage_initial_contact_name: 'Initial contact',
  stage_initial_contact_entry: 'A qualified lead has a first call or meeting booked',
  stage_initial_contact_exit_1: 'First call or meeting held',
  stage_initial_contact_exit_2: 'Next meeting agreed',
  stage_needs_assessment_name: 'Needs assessment',
  stage_needs_assessment_entry: 'The buyer is exploring how we solve their problem',
  stage_needs_assessment_exit_1: 'Requirements written down',
  stage_needs_assessment_exit_2: 'Stakeholders mapped',
  stage_needs_assessment_exit_3: 'Success criteria agreed',
  stage_proposal_name: 'Proposal',
  stage_proposal_entry: 'The buyer has asked for a proposal or quote',
  stage_proposal_exit_1: 'Proposal sent',
  stage_proposal_exit_2: 'Proposal walked through with the decision maker',
  stage_negotiation_name: 'Negotiation',
  stage_negotiation_entry: 'The buyer wants to go ahead and is discussing terms',
  stage_negotiation_exit_1: 'Price and terms agreed',
  stage_negotiation_exit_2: 'Legal and procurement review done',
  stage_closing_name: 'Closing',
  stage_closing_entry: 'Verbal yes; the contract is with the signer',
  stage_closing_exit_1: 'Contract signed',
  stage_closing_exit_2: 'Handover to onboarding booked',
};

/** The default pipeline, its texts taken from `translate` (a message catalog lookup). */
export function defaultStages(translate: (key: string) => string): StageDefinition[] {
  return DEFAULT_STAGE_IDS.map((id) => ({
    id,
    name: translate(stageTextKey(id, 'name')),
    entry: translate(stageTextKey(id, 'entry')),
    exitChecklist: Array.from({ length: EXIT_ITEM_COUNT[id] }, (_, i) => ({
      id: `${id}.${i + 1}`,
      text: translate(stageTextKey(id, `exit_${i + 1}`)),
    })),
    bantGate: id === 'qualification',
  }));
}

export function stageIndex(stages: readonly Pick<StageDefinition, 'id'>[], id: string): number {
  return stages.findIndex((stage) => stage.id === id);
}

/** The current stage's exit checklist items not yet ticked, in order. */
export function uncheckedExitItems(
  stage: StageDefinition,
  checkedIds: readonly string[],
): ChecklistItem[] {
  const checked = new Set(checkedIds);
  return stage.exitChecklist.filter((item) => !checked.has(item.id));
}

export interface StageMoveWarning {
  kind: 'bant-gaps';
  gaps: BantKey[];
}

/** Moving past the qualifying stage with BANT gaps warns; moving back never does. */
export function stageMoveWarnings(
  stages: readonly Pick<StageDefinition, 'id' | 'bantGate'>[],
  fromId: string,
  toId: string,
  bant: Bant,
): StageMoveWarning[] {
  const gate = stages.findIndex((stage) => stage.bantGate);
  const from = stageIndex(stages, fromId);
  const to = stageIndex(stages, toId);
  const gaps = bantGaps(bant);
  if (gate < 0 || from < 0 || to < 0 || gaps.length === 0) return [];
  return from <= gate && to > gate ? [{ kind: 'bant-gaps', gaps }] : [];
}

/** What is wrong with a pipeline the rep edited; empty when it can be saved. */
export function pipelineProblems(stages: readonly StageDefinition[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push('A pipeline needs at least one stage');
  const ids = new Set<string>();
  stages.forEach((stage, i) => {
    if (ids.has(stage.id)) problems.push(`Stage ${i + 1} repeats the id "${stage.id}"`);
    ids.add(stage.id);
    if (!stage.name.trim()) problems.push(`Stage ${i + 1} has no name`);
  });
  return problems;
}
