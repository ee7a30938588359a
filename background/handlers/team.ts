import { StorageError } from '../../storage/errors';
import type { TeamSync } from '../sync/team';
import type { HandlerTable } from './handler';

function requireTeam(team: TeamSync | undefined): TeamSync {
  if (!team) throw new StorageError('not-found', 'No team sync runs here');
  return team;
}

/** The team sync: join, leave, status, sync now and sign in again. */
export const teamHandlers = {
  'team.join': async (request, { team }) => requireTeam(team).join(request.input),
  'team.leave': async (_request, { team }) => requireTeam(team).leave(),
  'team.status': async (_request, { team }) => requireTeam(team).status(),
  'team.sync': async (_request, { team }) => requireTeam(team).syncNow(),
  'team.signIn': async (request, { team }) => requireTeam(team).signInAgain(request.password),
} satisfies Partial<HandlerTable>;
