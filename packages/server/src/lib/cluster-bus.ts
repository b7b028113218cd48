import cluster from 'node:cluster';

/**
 * Tells every process of this server about a change that per-process caches must forget at
 * once (a session ended, an API key revoked). In cluster mode a worker's message goes through
 * the primary to all other workers; a single process just calls its own handlers. Instances on
 * other machines are not reached: caches keep their entries for seconds only for that reason.
 */
type Handler = (payload: string) => void;

const handlers = new Map<string, Set<Handler>>();
const TAG = 'gongzhi:bus';

interface BusMessage {
  tag: typeof TAG;
  topic: string;
  payload: string;
}

const isBusMessage = (m: unknown): m is BusMessage => !!m && typeof m === 'object' && (m as BusMessage).tag === TAG;

function deliver(topic: string, payload: string) {
  for (const fn of handlers.get(topic) ?? []) fn(payload);
}

if (cluster.isWorker) {
  process.on('message', (m: unknown) => {
    if (isBusMessage(m)) deliver(m.topic, m.payload);
  });
}

export function onBroadcast(topic: string, fn: Handler): void {
  let set = handlers.get(topic);
  if (!set) handlers.set(topic, (set = new Set()));
  set.add(fn);
}

export function broadcast(topic: string, payload: string): void {
  deliver(topic, payload);
  if (cluster.isWorker && process.send) process.send({ tag: TAG, topic, payload } satisfies BusMessage);
}

/** In the primary: passes each worker's broadcasts on to the other workers. */
export function relayBroadcasts(): void {
  cluster.on('message', (from, m: unknown) => {
    if (!isBusMessage(m)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(m);
  });
}
