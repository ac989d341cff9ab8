// The background's first step on every request that carries data: parse it with its message's
// schema (messaging/schemas.ts). A request that does not fit is refused whole, with an error that
// names the message, the field and the rule ("addNote: url must be at most 8192 characters long"),
// which the sender receives as the rejection of its sendMessage.
import * as v from 'valibot';
import { REQUESTS, type Request, type RequestName } from '../messaging/schemas';
import { issueText } from '../notes/model';

export class RequestError extends Error {
  override name = 'RequestError';
}

export function parseRequest<K extends RequestName>(type: K, data: unknown): Request<K> {
  const result = v.safeParse(REQUESTS[type], data);
  if (!result.success) throw new RequestError(`${type}: ${issueText(result.issues[0])}`);
  return result.output as Request<K>;
}
