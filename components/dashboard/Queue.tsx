import { useMemo, useState } from 'preact/hooks';
import { isRepsDeal, repsOwnerName } from '../../domain/owners';
import { t } from '../../i18n/i18n';
import type { PipelineView } from './pipeline-view';
import { DAY, QueueRow } from './QueueRow';
import { MORE_ROWS, ShowMore } from './ShowMore';

interface Props {
  view: PipelineView;
}

/** Rows drawn per group at first. */
const FIRST_ROWS = 50;
type Group = 'overdue' | 'today' | 'week';

function endOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}

/** Who to follow up with: overdue, due today, due this week, each with whose turn it is. */
export function Queue({ view }: Props) {
  const { now } = view;
  const [shown, setShown] = useState<Record<Group, number>>({
    overdue: FIRST_ROWS,
    today: FIRST_ROWS,
    week: FIRST_ROWS,
  });
  const groups = useMemo(() => {
    const rows = view.open
      // The rep's own follow-ups: a teammate's deal is theirs to chase.
      .filter((d) => d.status === 'open' && isRepsDeal(d.owner, repsOwnerName(view.settings)))
      .map((deal) => ({ deal, cadence: view.cadence(deal) }))
      .filter(
        ({ cadence }) => cadence.state !== 'snoozed' && cadence.dueAt <= endOfDay(now) + 7 * DAY,
      )
      .sort((a, b) => a.cadence.dueAt - b.cadence.dueAt);
    return [
      { key: 'overdue' as const, rows: rows.filter((r) => r.cadence.state === 'overdue') },
      {
        key: 'today' as const,
        rows: rows.filter(
          (r) =>
            r.cadence.state === 'due' ||
            (r.cadence.state === 'on-track' && r.cadence.dueAt <= endOfDay(now)),
        ),
      },
      {
        key: 'week' as const,
        rows: rows.filter((r) => r.cadence.state === 'on-track' && r.cadence.dueAt > endOfDay(now)),
      },
    ];
  }, [view, now]);
  return (
    <section class="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('queue_heading')}</h2>
      {groups.map(({ key, rows }) => (
        <section key={key} aria-label={t(`queue_${key}`)}>
          <h3>
            {t(`queue_${key}`)} <span class="count">{rows.length}</span>
          </h3>
          {rows.length === 0 ? (
            <p class="hint">{t('queue_empty')}</p>
          ) : (
            <ul class="queue-list">
              {rows.slice(0, shown[key]).map(({ deal, cadence }) => (
                <QueueRow
                  key={deal.id}
                  deal={deal}
                  cadence={cadence}
                  now={now}
                  showDue={key === 'week'}
                />
              ))}
            </ul>
          )}
          <ShowMore
            shown={shown[key]}
            total={rows.length}
            onMore={() => setShown({ ...shown, [key]: shown[key] + MORE_ROWS })}
          />
        </section>
      ))}
    </section>
  );
}
