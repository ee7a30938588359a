import { loadDealView } from '../../storage/deal-view';
import {
  answerObjection,
  answersForKind,
  deleteObjection,
  logObjection,
} from '../../storage/objections';
import type { HandlerTable } from './handler';

/** Objections logged on deals and the answers that worked. */
export const objectionHandlers = {
  'objection.log': async (request, { ctx }) =>
    loadDealView(ctx, (await logObjection(ctx, request.input)).deal),
  'objection.answer': async (request, { ctx }) =>
    loadDealView(ctx, (await answerObjection(ctx, request.input)).deal),
  'objection.delete': async (request, { ctx }) =>
    loadDealView(ctx, await deleteObjection(ctx, request.objectionId)),
  'objection.answers': (request, { ctx }) => answersForKind(ctx, request.kind, request.limit),
} satisfies Partial<HandlerTable>;
