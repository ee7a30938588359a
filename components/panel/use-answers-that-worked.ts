import { useEffect, useState } from 'preact/hooks';
import type { AnswerThatWorked } from '../../domain/objections';
import { request } from '../../messaging/client';

/** Waits for the rep to stop typing a kind's name before asking. */
const SETTLE_MS = 250;

/** The answers that worked (on won deals) for a kind, asked again whenever the kind changes. */
export function useAnswersThatWorked(kind: string): AnswerThatWorked[] {
  const [answers, setAnswers] = useState<AnswerThatWorked[]>([]);
  useEffect(() => {
    setAnswers([]);
    if (!kind) return;
    let current = true;
    const timer = setTimeout(() => {
      request({ type: 'objection.answers', kind }).then(
        (found) => current && setAnswers(found),
        () => {},
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind]);
  return answers;
}
