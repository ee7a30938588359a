import { BANT_KEYS, type Bant, type BantKey } from './types';

export function emptyBant(): Bant {
  return {
    budget: { state: 'unknown', note: '' },
    authority: { state: 'unknown', note: '' },
    need: { state: 'unknown', note: '' },
    timeline: { state: 'unknown', note: '' },
  };
}

/** The items nobody has asked about yet, in B-A-N-T order. */
export function bantGaps(bant: Bant): BantKey[] {
  return BANT_KEYS.filter((key) => bant[key].state === 'unknown');
}

/** The items known to be missing: no budget, nobody who can sign, ... */
export function missingBant(bant: Bant): BantKey[] {
  return BANT_KEYS.filter((key) => bant[key].state === 'missing');
}

/** A missing budget, authority, need or timeline suggests disqualifying early. */
export function suggestsDisqualify(bant: Bant): boolean {
  return missingBant(bant).length > 0;
}

/**
 * Message key of the question that fills a gap:
 * budget "Ask what budget is set aside", authority "Ask who signs off",
 * need "Ask what problem this solves", timeline "Ask when they need it live".
 */
export function bantPromptKey(key: BantKey): string {
  return `bant_prompt_${key}`;
}
