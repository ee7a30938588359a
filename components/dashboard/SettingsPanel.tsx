import { useState } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { SettingsPatchInput } from '../../storage/inputs';
import type { Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { DisplaySettings } from './DisplaySettings';
import { FollowUpSettings } from './FollowUpSettings';
import { PipelineEditor } from './PipelineEditor';
import { TeamSyncSection } from './TeamSync';
import { writeErrorText } from './write-error';

interface Props {
  settings: Settings;
}

/** The stage editor, the follow-up rules, and the language and theme. */
export function SettingsPanel({ settings }: Props) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // A refused change (a full disk, say) leaves the settings as they were and says why.
  const updateSettings = (patch: SettingsPatchInput) =>
    request({ type: 'settings.update', patch }).then(
      () => undefined,
      (e: unknown) => setMessage({ kind: 'error', text: writeErrorText(e) }),
    );

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings_heading')}</h2>

      <PipelineEditor saved={settings.stages} onMessage={setMessage} />
      {message && (
        <p class={`status ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      <FollowUpSettings settings={settings} update={updateSettings} />
      <DisplaySettings settings={settings} update={updateSettings} />

      <TeamSyncSection />
    </section>
  );
}
