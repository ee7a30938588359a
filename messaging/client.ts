// Code that runs in Gmail's and LinkedIn's pages uses the browser's own promise-based API
// (Chrome MV3 and Firefox both have one): the polyfill would cost the content scripts 3 KB gzip.
import { browser } from 'wxt/browser';
import type { Reply, ReplyData } from './replies';
import type { Request, RequestType } from './requests';

/** A refused request, with the background's code and a message meant for the rep. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Sends one request to the background and returns its data, or throws RequestError. */
export async function request<T extends RequestType>(
  message: Extract<Request, { type: T }>,
): Promise<ReplyData[T]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new RequestError('internal', 'Threadline did not answer');
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message, reply.error.details);
  return reply.data;
}
