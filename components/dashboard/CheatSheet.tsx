import { useMemo, useState } from 'preact/hooks';
import { cheatSheet, searchCheatSheet, type KindSummary } from '../../domain/objections';
import type { StoreContext } from '../../storage/db';
import { cheatSheetFacts } from '../../storage/objections';
import type { Settings } from '../../storage/schemas';
import { plural, t } from '../../i18n/i18n';
import { useLiveQuery } from '../hooks/use-live-query';
import { calendarDay } from '../format';
import { kindName } from '../objection-kind';

interface Props {
  ctx: StoreContext;
  settings: Settings;
}

/** Answers and quotes shown per kind before the list gets long. */
const SHOWN = 5;

/** Objections by kind and stage, how their deals ended, and the answers that worked; searchable. */
export function CheatSheet({ ctx, settings }: Props) {
  const facts = useLiveQuery(() => cheatSheetFacts(ctx));
  const [query, setQuery] = useState('');
  const sheet = useMemo(
    () =>
      facts &&
      cheatSheet(
        facts.objections,
        facts.deals,
        settings.stages.map((s) => s.id),
      ),
    [facts, settings],
  );
  const shown = sheet && searchCheatSheet(sheet, query, kindName);
  const stageName = (id: string) => settings.stages.find((s) => s.id === id)?.name ?? id;

  return (
    <section class="cheat-sheet" aria-labelledby="cheat-sheet-heading">
      <h2 id="cheat-sheet-heading">{t('cheatsheet_heading')}</h2>
      <p class="hint">{t('cheatsheet_intro')}</p>
      <label class="field">
        <span>{t('cheatsheet_search')}</span>
        <input
          type="search"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {!shown ? (
        <p aria-busy="true">…</p>
      ) : sheet!.length === 0 ? (
        <p class="hint">{t('cheatsheet_empty')}</p>
      ) : shown.length === 0 ? (
        <p class="hint">{t('cheatsheet_no_match')}</p>
      ) : (
        <ul class="cheat-kinds">
          {shown.map((summary) => (
            <KindCard key={summary.kind} summary={summary} stageName={stageName} />
          ))}
        </ul>
      )}
    </section>
  );
}

function KindCard({
  summary,
  stageName,
}: {
  summary: KindSummary;
  stageName: (id: string) => string;
}) {
  const { outcomes } = summary;
  return (
    <li class="cheat-kind" data-kind={summary.kind}>
      <h3>
        {kindName(summary.kind)} <span class="count">{summary.count}</span>
      </h3>
      <p class="hint">
        {plural('cheatsheet_times', summary.count)} ·{' '}
        {t('cheatsheet_outcomes', [
          String(outcomes.won),
          String(outcomes.lost),
          String(outcomes.open),
        ])}
      </p>
      <p class="cheat-stages">
        <span>{t('cheatsheet_by_stage')}:</span>{' '}
        {summary.byStage.map(({ stageId, count }) => `${stageName(stageId)} ${count}`).join(' · ')}
      </p>
      <h4>{t('objection_worked')}</h4>
      {summary.worked.length === 0 ? (
        <p class="hint">{t('cheatsheet_no_worked')}</p>
      ) : (
        <ul class="cheat-answers">
          {summary.worked.slice(0, SHOWN).map((w) => (
            <li key={w.objectionId}>
              <a href={`#deal/${encodeURIComponent(w.dealId)}`}>{w.answer}</a>{' '}
              <small>{calendarDay(w.at)}</small>
            </li>
          ))}
        </ul>
      )}
      {summary.heard.length > 0 && (
        <>
          <h4>{t('cheatsheet_heard')}</h4>
          <ul class="cheat-heard">
            {summary.heard.slice(0, SHOWN).map((words, i) => (
              <li key={i}>
                <q>{words}</q>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
