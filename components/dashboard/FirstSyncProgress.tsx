import type { TeamSyncStatus } from '../../messaging/team-sync';
import { t } from '../../i18n/i18n';

/** The first sync's bar: documents sent and received out of all there are. */
export function FirstSyncProgress({ progress }: { progress: TeamSyncStatus['progress'] }) {
  if (!progress || progress.total === 0) return null;
  const { done, total } = progress;
  const count = (n: number) => n.toLocaleString();
  return (
    <div class="team-progress">
      <progress
        value={done}
        max={total}
        aria-label={t('team_first_sync_label')}
        data-done={done}
        data-total={total}
      />
      <span>
        {done >= total
          ? t('team_first_sync_done', count(total))
          : t('team_first_sync', [count(done), count(total)])}
      </span>
    </div>
  );
}
