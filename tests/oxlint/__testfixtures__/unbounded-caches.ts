// no-unbounded-cache cases for the Oxlint parity test: module-level collections, a singleton's field,
// a memoizer, and collections that must stay silent (pruned, bounded keys, weak).
import memoize from "memoizee";

const requests = new Map<string, { started: number }>();
export async function handler(req: { id: string }) {
  requests.set(req.id, { started: Date.now() });
  await Promise.resolve();
  return requests.get(req.id);
}

const history: { event: string; at: number }[] = [];
export function record(event: string) {
  history.push({ event, at: Date.now() });
}

let lastId = 0;
class Client {
  #pending: Record<number, string> = {};
  send(body: string) {
    this.#pending[++lastId] = body;
  }
}
const client = new Client();
export const send = (body: string) => client.send(body);

export const loadUser = memoize((id: string) => fetch(`/users/${id}`));

const pruned = new Map<string, number>();
export function put(k: string) {
  pruned.set(k, 1);
}
export function reset() {
  pruned.clear();
}

type Mode = "light" | "dark";
const themes = new Map<Mode, number>();
export function theme(mode: Mode) {
  themes.set(mode, 1);
}

const meta = new WeakMap<object, number>();
export function tag(o: object) {
  meta.set(o, 1);
}
