import type {
  Contact,
  Deal,
  Link,
  Objection,
  Settings,
  StageChange,
  Touch,
} from '../../storage/schemas';
import { request } from '../../messaging/client';
import { t } from '../../i18n/i18n';
import { useStageMove } from '../hooks/use-stage-move';
import { DealFields } from './DealFields';
import { DealLinks } from './DealLinks';
import { DealOwner } from './DealOwner';
import { DealPanelTools } from './DealPanelTools';
import { DealPeople } from './DealPeople';
import { DealPrivacy } from './DealPrivacy';
import { DealStageStatus } from './DealStageStatus';
import { DealStateLine } from './DealStateLine';
import { DealTimeline } from './DealTimeline';
import { DeleteDealButton } from './DeleteDealButton';
import { useDealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  contacts: Contact[];
  links: Link[];
  touches: Touch[];
  history: StageChange[];
  objections?: Objection[];
  settings: Settings;
  /** The owners of deals here, offered when handing this one over. */
  owners?: readonly string[];
}

/** One deal, all of it editable, with its timeline and its threads, conversations and profiles. */
export function DealDetail({
  deal,
  contacts,
  links,
  touches,
  history,
  objections = [],
  settings,
  owners = [],
}: Props) {
  const writes = useDealWrites(deal.id);
  const { error, run, patch } = writes;
  const stageMove = useStageMove(settings.stages, deal, (stageId) =>
    run(() => request({ type: 'stage.move', dealId: deal.id, stageId }))(),
  );
  const now = Date.now();

  return (
    <section class="deal-detail" aria-labelledby="deal-detail-heading">
      <p>
        <a href="#board">← {t('board_heading')}</a>
      </p>
      <h2 id="deal-detail-heading">{deal.title}</h2>
      <DealStateLine deal={deal} cadence={settings.cadence} now={now} />
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <DealOwner
        deal={deal}
        teamMember={settings.teamMember ?? null}
        owners={owners}
        patch={patch}
      />
      <DealFields deal={deal} stages={settings.stages} stageMove={stageMove} writes={writes} />
      <DealStageStatus deal={deal} stages={settings.stages} stageMove={stageMove} run={run} />
      <DealPrivacy deal={deal} run={run} />

      <DealPanelTools deal={deal} objections={objections} writes={writes} now={now} />

      <label class="field">
        <span>{t('deal_notes')}</span>
        <textarea
          rows={4}
          value={deal.notes}
          onChange={(e) => patch({ notes: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </label>

      <DealPeople contacts={contacts} />
      <DealLinks links={links} />
      <DealTimeline
        touches={touches}
        history={history}
        objections={objections}
        stages={settings.stages}
      />

      <DeleteDealButton
        deal={deal}
        linkCount={links.length}
        touchCount={touches.length}
        run={run}
      />
    </section>
  );
}
