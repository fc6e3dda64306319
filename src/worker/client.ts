/**
 * The UI side of the worker boundary: opens the transport, says `hello`, and exposes a typed client.
 * Terminal bytes (`output`) go to output listeners; the client also keeps the recent output, and a
 * new listener first receives all of it, so a terminal that mounts late (it is lazy-loaded) or
 * remounts (StrictMode, layout changes) shows the whole session. Every other host message goes to
 * message listeners (the store). `run` requests are matched to their `done` by id.
 *
 * The transport is an `Endpoint` (protocol.ts), so tests and the fixture route use an in-process
 * pair instead of a Worker.
 */
import {
  PROTOCOL_VERSION, type ClientMessage, type DockerfileDiagnostic, type Endpoint, type HostFileRequest, type HostFileResult, type HostMessage, type Speed,
} from './protocol.ts';
import type { EngineQuery, QueryResult, ResultOf, SubscribableQuery } from './protocol.ts';
import { OutputLog } from './outputLog.ts';

export type HostEndpoint = Endpoint<HostMessage, ClientMessage>;
export type ClientEndpoint = Endpoint<ClientMessage, HostMessage>;

export interface EngineClient {
  /** Sends any client message (the store uses it for `resync`). */
  readonly send: (message: ClientMessage) => void;
  /** Raw keystrokes from the terminal. */
  readonly input: (data: string) => void;
  readonly resize: (cols: number, rows: number) => void;
  /** Runs a command line as if typed; resolves with its exit code. */
  readonly run: (line: string) => Promise<number>;
  readonly setSpeed: (speed: Speed) => void;
  /** A host-file operation for the editor (list, read, save, …); resolves with its result (errors are data). */
  readonly files: (request: HostFileRequest) => Promise<HostFileResult>;
  /** Dockerfile diagnostics for an editor buffer. */
  readonly diagnose: (text: string) => Promise<readonly DockerfileDiagnostic[]>;
  /** Asks the engine an on-demand question (a layer's files, an image's efficiency, an overlay). */
  readonly query: <Q extends EngineQuery>(query: Q) => Promise<ResultOf<Q>>;
  /** Receives a query's answer now and again whenever it changes, until the returned function is called. */
  readonly subscribe: <Q extends SubscribableQuery>(query: Q, listener: (result: ResultOf<Q>) => void) => () => void;
  /**
   * Subscribes to terminal output; the retained session output is replayed first. `reset`: the
   * screen shows another moment (time travel): clear it before writing `data`.
   */
  readonly onOutput: (listener: (data: string, reset: boolean) => void) => () => void;
  /** Subscribes to every host message except `output`; messages before the first listener are queued. */
  readonly onMessage: (listener: (message: HostMessage) => void) => () => void;
  readonly close: () => void;
}

export interface ConnectOptions {
  readonly cols?: number;
  readonly rows?: number;
  /** Called on close, e.g. to terminate the Worker. */
  readonly onClose?: () => void;
}


/** Opens the connection: sends `hello` at once. */
export function connect(endpoint: HostEndpoint, options: ConnectOptions = {}): EngineClient {
  const outputListeners = new Set<(data: string, reset: boolean) => void>();
  const messageListeners = new Set<(message: HostMessage) => void>();
  const outputHistory = new OutputLog();
  let messageBacklog: HostMessage[] = [];
  const pendingRuns = new Map<number, (exitCode: number) => void>();
  let nextRunId = 1;
  const pendingFiles = new Map<number, (result: HostFileResult) => void>();
  const pendingDiagnoses = new Map<number, (diagnostics: readonly DockerfileDiagnostic[]) => void>();
  let nextRequestId = 1;
  const pendingQueries = new Map<number, (result: QueryResult) => void>();
  const subscriptions = new Map<number, (result: QueryResult) => void>();
  let closed = false;

  const send = (message: ClientMessage) => {
    if (!closed) endpoint.post(message);
  };

  const unlisten = endpoint.listen((message) => {
    if (message.type === 'output') {
      outputHistory.add(message.data);
      for (const listener of outputListeners) listener(message.data, false);
      return;
    }
    if (message.type === 'screen') {
      outputHistory.reset(message.data);
      for (const listener of outputListeners) listener(message.data, true);
      // The store learns where the view is from `timeline`; nothing else to tell it.
      return;
    }
    if (message.type === 'done') {
      pendingRuns.get(message.id)?.(message.exitCode);
      pendingRuns.delete(message.id);
    }
    // Answers to the editor's requests go to their caller only.
    if (message.type === 'files-result') {
      pendingFiles.get(message.id)?.(message.result);
      pendingFiles.delete(message.id);
      return;
    }
    if (message.type === 'diagnostics') {
      pendingDiagnoses.get(message.id)?.(message.diagnostics);
      pendingDiagnoses.delete(message.id);
      return;
    }
    // Query answers go to their caller, subscription pushes to their listener; not to the store.
    if (message.type === 'queryResult') {
      pendingQueries.get(message.id)?.(message.result);
      pendingQueries.delete(message.id);
      return;
    }
    if (message.type === 'subscription') {
      subscriptions.get(message.id)?.(message.result);
      return;
    }
    if (messageListeners.size === 0) {
      messageBacklog.push(message);
      return;
    }
    for (const listener of messageListeners) listener(message);
  });

  send({ type: 'hello', v: PROTOCOL_VERSION, cols: options.cols, rows: options.rows });

  return {
    send,
    input: (data) => send({ type: 'input', data }),
    resize: (cols, rows) => send({ type: 'resize', cols, rows }),
    run: (line) =>
      new Promise<number>((resolve) => {
        const id = nextRunId++;
        pendingRuns.set(id, resolve);
        send({ type: 'run', id, line });
      }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    files: (request) =>
      new Promise<HostFileResult>((resolve) => {
        const id = nextRequestId++;
        pendingFiles.set(id, resolve);
        send({ type: 'files', id, request });
      }),
    diagnose: (text) =>
      new Promise<readonly DockerfileDiagnostic[]>((resolve) => {
        const id = nextRequestId++;
        pendingDiagnoses.set(id, resolve);
        send({ type: 'diagnose', id, text });
      }),
    query: <Q extends EngineQuery>(query: Q) =>
      new Promise<ResultOf<Q>>((resolve) => {
        const id = nextRequestId++;
        pendingQueries.set(id, resolve as (result: QueryResult) => void);
        send({ type: 'query', id, query });
      }),
    subscribe: <Q extends SubscribableQuery>(query: Q, listener: (result: ResultOf<Q>) => void) => {
      const id = nextRequestId++;
      subscriptions.set(id, listener as (result: QueryResult) => void);
      send({ type: 'subscribe', id, query });
      return () => {
        if (!subscriptions.delete(id)) return;
        send({ type: 'unsubscribe', id });
      };
    },
    onOutput: (listener) => {
      if (!outputHistory.empty) listener(outputHistory.text(), false);
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
    onMessage: (listener) => {
      messageListeners.add(listener);
      if (messageBacklog.length) {
        const queued = messageBacklog;
        messageBacklog = [];
        for (const message of queued) listener(message);
      }
      return () => messageListeners.delete(listener);
    },
    close: () => {
      if (closed) return;
      closed = true;
      unlisten();
      options.onClose?.();
    },
  };
}

/** An Endpoint over a Worker (or any MessagePort-like object); worker errors arrive as `fatal`. */
export function workerEndpoint(worker: Worker): HostEndpoint {
  return {
    post: (message) => worker.postMessage(message),
    listen: (handler) => {
      const onMessage = (event: MessageEvent<HostMessage>) => handler(event.data);
      const onError = (event: ErrorEvent) => {
        // Handled here (the UI shows it): keep it from also surfacing as an uncaught page error.
        event.preventDefault();
        console.error('engine worker:', event.message);
        handler({ type: 'fatal', message: event.message || 'worker error' });
      };
      const onMessageError = () => handler({ type: 'fatal', message: 'a message from the engine could not be read' });
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onMessageError);
      return () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onMessageError);
      };
    },
  };
}

/** Starts an engine Worker: its endpoint, and a way to end it (a crashed worker is replaced, ui/share/session.ts). */
export function spawnEngineWorker(): { readonly endpoint: HostEndpoint; readonly terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return { endpoint: workerEndpoint(worker), terminate: () => worker.terminate() };
}

/** Starts the engine Worker and connects to it. */
export function createWorkerClient(options: Omit<ConnectOptions, 'onClose'> = {}): EngineClient {
  const { endpoint, terminate } = spawnEngineWorker();
  return connect(endpoint, { ...options, onClose: terminate });
}

/**
 * Two in-process endpoints wired to each other, delivering like postMessage: asynchronously (a
 * microtask) and as a structured clone, so what works here also survives the real boundary.
 */
export function createEndpointPair<A, B>(): [Endpoint<B, A>, Endpoint<A, B>] {
  const toB = new Set<(message: A) => void>();
  const toA = new Set<(message: B) => void>();
  const deliver = <M>(listeners: Set<(message: M) => void>, message: M) => {
    const copy = structuredClone(message);
    queueMicrotask(() => {
      for (const listener of listeners) listener(copy);
    });
  };
  const a: Endpoint<B, A> = {
    post: (message) => deliver(toB, message),
    listen: (handler) => {
      toA.add(handler);
      return () => toA.delete(handler);
    },
  };
  const b: Endpoint<A, B> = {
    post: (message) => deliver(toA, message),
    listen: (handler) => {
      toB.add(handler);
      return () => toB.delete(handler);
    },
  };
  return [a, b];
}
