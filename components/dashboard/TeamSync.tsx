import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, RequestError } from '../../messaging/client';
import {
  hostPermissionOf,
  normalizedServer,
  serverAddressProblem,
  type TeamSyncStatus,
} from '../../messaging/team-sync';
import { t } from '../../i18n/i18n';
import { exactTime } from '../format';
import { FirstSyncProgress } from './FirstSyncProgress';

/** How often the open Settings view asks for the sync's status (the first sync's bar moves). */
const STATUS_EVERY_MS = 1_000;

/** Joining a team's CouchDB, the sync's status, leaving. */
export function TeamSyncSection() {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    const load = () =>
      void request({ type: 'team.status' })
        .then(setStatus)
        .catch(() => undefined);
    load();
    const timer = setInterval(load, STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div class="team-sync">
      <h3>{t('team_heading')}</h3>
      <p class="hint">{t('team_intro')}</p>
      {status?.team ? (
        <TeamStatusView status={status} onStatus={setStatus} />
      ) : (
        <TeamJoinForm onStatus={setStatus} />
      )}
      <p class="hint">{t('team_what_syncs')}</p>
    </div>
  );
}

function errorText(error: unknown): string {
  if (error instanceof RequestError && typeof error.details.sync === 'string')
    return t(`team_error_${error.details.sync.replace(/-/g, '_')}`);
  return error instanceof Error ? error.message : String(error);
}

function TeamJoinForm({ onStatus }: { onStatus: (status: TeamSyncStatus) => void }) {
  const [fields, setFields] = useState({ server: 'https://', database: '', name: '' });
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const join = async () => {
    const server = normalizedServer(fields.server);
    if (serverAddressProblem(server)) return setProblem(t('team_bad_address'));
    // Asked in the click itself: the browser grants a host only in answer to the rep.
    const origins = [hostPermissionOf(server)];
    const granted = await browser.permissions.request({ origins });
    if (!granted) return setProblem(t('team_permission_refused'));
    setBusy(true);
    setProblem(null);
    try {
      onStatus(await request({ type: 'team.join', input: { ...fields, server, password } }));
    } catch (error) {
      setProblem(errorText(error));
      await browser.permissions.remove({ origins }).catch(() => undefined);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const input = (key: keyof typeof fields, label: string) => (
    <label>
      <span>{label}</span>
      <input
        type="text"
        name={`team-${key}`}
        value={fields[key]}
        onInput={(e) =>
          setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value })
        }
      />
    </label>
  );

  return (
    <form
      class="cadence-settings team-join"
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      {input('server', t('team_server'))}
      {input('database', t('team_database'))}
      {input('name', t('team_name'))}
      <PasswordField value={password} onInput={setPassword} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('team_joining') : t('team_join')}
      </button>
      {problem && (
        <p class="status error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function statusLine(status: TeamSyncStatus): string {
  const parts = [
    status.running
      ? t('team_syncing')
      : status.lastSyncAt
        ? t('team_last_sync', exactTime(status.lastSyncAt))
        : t('team_never_synced'),
  ];
  if (status.pending > 0) parts.push(t('team_pending', String(status.pending)));
  return parts.join(' · ');
}

function TeamStatusView({
  status,
  onStatus,
}: {
  status: TeamSyncStatus;
  onStatus: (status: TeamSyncStatus) => void;
}) {
  const team = status.team!;
  const act = (type: 'team.sync' | 'team.leave') =>
    void request({ type })
      .then(onStatus)
      .catch(() => undefined);
  const { error } = status;
  return (
    <div class="team-status">
      <p>{t('team_joined_as', [team.database, team.server, team.name])}</p>
      <p class="status ok" role="status" data-sync-status>
        {statusLine(status)}
      </p>
      <FirstSyncProgress progress={status.progress} />
      {error && (
        <p class="status error" role="alert">
          {t(`team_error_${error.code.replace(/-/g, '_')}`)}
          {['refused', 'failed'].includes(error.code) ? ` ${error.detail}` : ''}
        </p>
      )}
      {error?.code === 'signed-out' && <SignInAgain onStatus={onStatus} />}
      <ul class="team-notices">
        {status.notices.map((n, i) => (
          <li key={`n${i}`}>
            {t(
              n.notice === 'deleted-by-teammate' ? 'team_notice_deleted' : 'team_notice_kept',
              n.title,
            )}
          </li>
        ))}
        {status.setAside.map((s, i) => (
          <li key={`s${i}`}>
            {s.notMember === undefined
              ? t('team_set_aside', [s.id, s.reason])
              : t('team_set_aside_not_member', [s.id, s.notMember])}
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" onClick={() => act('team.sync')}>
          {t('team_sync_now')}
        </button>
        <button type="button" onClick={() => act('team.leave')}>
          {t('team_leave')}
        </button>
      </div>
    </div>
  );
}

/** The password again, once the server ended the session (the team stays joined). */
function SignInAgain({ onStatus }: { onStatus: (status: TeamSyncStatus) => void }) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const signIn = async () => {
    try {
      onStatus(await request({ type: 'team.signIn', password }));
      setProblem(null);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setPassword('');
    }
  };
  return (
    <form
      class="row team-sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn();
      }}
    >
      <PasswordField value={password} onInput={setPassword} />
      <button type="submit">{t('team_sign_in_again')}</button>
      {problem && (
        <p class="status error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The team password: asked for at joining and signing in again, never stored. */
function PasswordField({ value, onInput }: { value: string; onInput(value: string): void }) {
  return (
    <label>
      <span>{t('team_password')}</span>
      <input
        type="password"
        name="team-password"
        autocomplete="current-password"
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
