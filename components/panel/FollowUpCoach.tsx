import { t } from '../../i18n/i18n';

/** From this many unanswered follow-ups in a row, the panel coaches: most reps stop at two. */
export const COACH_FROM_FOLLOW_UPS = 2;

interface Props {
  /** Unanswered follow-ups in a row (the deal's follow-up count). */
  followUpCount: number;
  /** Opens Gmail's own reply on the thread, which quotes the earlier mail. */
  onFollowUp(): void;
}

/**
 * Keeps a rep from giving up after the second unanswered follow-up: says so, and offers one
 * more that refers to the earlier mail. Renders nothing before that.
 */
export function FollowUpCoach({ followUpCount, onFollowUp }: Props) {
  if (!Number.isFinite(followUpCount) || followUpCount < COACH_FROM_FOLLOW_UPS) return null;
  return (
    <div class="tl-warning tl-coach" role="note">
      <p>{t('coach_follow_up_line', String(Math.floor(followUpCount)))}</p>
      <button type="button" class="tl-primary" onClick={() => onFollowUp()}>
        {t('coach_follow_up_button')}
      </button>
    </div>
  );
}
