import type { Objection, Settings, StageChange, Touch } from '../../storage/schemas';
import { exactTime } from '../format';
import { t } from '../../i18n/i18n';
import { objectionEvents } from './objection-events';

interface Props {
  touches: Touch[];
  history: StageChange[];
  objections: Objection[];
  stages: Settings['stages'];
}

type Event = { at: number; text: string; kind: string };

/** Touches, stage changes and objections, newest first. */
function timelineEvents({ touches, history, objections, stages }: Props): Event[] {
  const stageName = (id: string | null) =>
    id === null ? '' : (stages.find((s) => s.id === id)?.name ?? id);
  return [
    ...touches.map((touch) => ({
      at: touch.at,
      kind: touch.channel,
      text: `${t(`channel_${touch.channel}`)} · ${t(touch.direction === 'inbound' ? 'direction_inbound' : 'direction_outbound')}${touch.note ? ` · ${touch.note}` : ''}`,
    })),
    ...history.map((change) => ({
      at: change.at,
      kind: 'stage',
      text:
        change.from === null
          ? t('timeline_created', stageName(change.to))
          : t('timeline_moved', [stageName(change.from), stageName(change.to)]),
    })),
    ...objectionEvents(objections),
  ].sort((a, b) => b.at - a.at);
}

/** The deal's history on one line per event, each with its exact time. */
export function DealTimeline(props: Props) {
  return (
    <>
      <h3>{t('detail_timeline')}</h3>
      <ol class="timeline">
        {timelineEvents(props).map((event, i) => (
          <li key={i} class={`event-${event.kind}`}>
            <time dateTime={new Date(event.at).toISOString()}>{exactTime(event.at)}</time>{' '}
            {event.text}
          </li>
        ))}
      </ol>
    </>
  );
}
