import { CARRIER_KEY } from '../carrierKey';
import type {
  Breadcrumb,
  CaptureContext,
  Contexts,
  Event,
  EventHint,
  Primitive,
  PropagationContext,
  RequestData,
  SeverityLevel,
  User,
} from '../types';
import { DEFAULT_MAX_BREADCRUMBS } from '../constants';
import { createRingBuffer, type RingBuffer } from './createRingBuffer';

/** The data a scope contributes to an event. */
export interface ScopeData {
  user?: User;
  tags: Record<string, Primitive>;
  contexts: Contexts;
  extra: Record<string, unknown>;
  fingerprint?: string[];
  level?: SeverityLevel;
  propagationContext?: PropagationContext;
  /** The incoming request this scope handles (set per request by @faultline/node). */
  request?: RequestData;
  breadcrumbs: Breadcrumb[];
  /** Sentry's scope event processors, run after the integrations' `processEvent` (see `addEventProcessor`). */
  eventProcessors?: EventProcessor[];
  /** The event's `transaction` (the route or job it belongs to), unless the event has one. */
  transactionName?: string;
  /** Attributes every log captured with this scope carries (a log's own attributes win). */
  attributes?: Record<string, unknown>;
}

/** What a scope needs of a client to capture with it (the `Client` interface has it all). */
export interface ScopeClient {
  captureException(exception: unknown, hint?: EventHint, scope?: Scope): string;
  captureMessage(message: string, level?: SeverityLevel, hint?: EventHint, scope?: Scope): string;
  captureEvent(event: Event, hint?: EventHint, scope?: Scope): string;
}

/** Changes an event (or drops it with `null`), as Sentry's `scope.addEventProcessor` callbacks do. */
export type EventProcessor = (event: Event, hint: EventHint) => Event | null | PromiseLike<Event | null>;

/**
 * Context that applies to the events captured while it is active. Three live at once: global,
 * isolation (per request or page) and current (per `withScope`); they are merged per event.
 */
export interface Scope {
  setUser(user: User | undefined): this;
  getUser(): User | undefined;
  setTag(key: string, value: Primitive): this;
  setTags(tags: Record<string, Primitive>): this;
  setContext(name: string, context: Record<string, unknown> | undefined): this;
  setExtra(key: string, value: unknown): this;
  setExtras(extras: Record<string, unknown>): this;
  setFingerprint(fingerprint: string[] | undefined): this;
  setLevel(level: SeverityLevel | undefined): this;
  setPropagationContext(context: PropagationContext | undefined): this;
  getPropagationContext(): PropagationContext | undefined;
  setRequest(request: RequestData | undefined): this;
  /**
   * Adds to the ring buffer; `maxBreadcrumbs` is the client's limit (default 100, as Sentry's scope). The
   * time is now unless given. Unlike the top-level `addBreadcrumb`, `beforeBreadcrumb` does not run.
   */
  addBreadcrumb(breadcrumb: Breadcrumb, maxBreadcrumbs?: number): this;
  clearBreadcrumbs(): this;
  /** Runs `processor` on every event captured with this scope, after the integrations; `null` drops it. */
  addEventProcessor(processor: EventProcessor): this;
  setLastEventId(id: string | undefined): void;
  lastEventId(): string | undefined;
  /** The event's `transaction` (a route or job name), as Sentry's scope sets it. */
  setTransactionName(name: string | undefined): this;
  /** Attributes for every log captured with this scope (Sentry's scope attributes). */
  setAttributes(attributes: Record<string, unknown>): this;
  setAttribute(key: string, value: unknown): this;
  removeAttribute(key: string): this;
  getAttributes(): Record<string, unknown> | undefined;
  /** Applies a capture context (`{ tags, user, … }`, another scope, or a callback), as Sentry's `scope.update`. */
  update(context: unknown): this;
  getLastBreadcrumb(): Breadcrumb | undefined;
  /** The client events of this scope go to (default: the one bound by `init`). */
  setClient(client: ScopeClient | undefined): void;
  getClient<C extends ScopeClient = ScopeClient>(): C | undefined;
  /** Captures with this scope's data, as the top-level functions do with the current scope. */
  captureException(exception: unknown, hint?: EventHint): string;
  captureMessage(message: string, level?: SeverityLevel, hint?: EventHint): string;
  captureEvent(event: Event, hint?: EventHint): string;
  /** Sentry-only scope features, accepted and inert: attachments, sessions, conversation ids, listeners. */
  addAttachment(attachment: unknown): this;
  clearAttachments(): this;
  setSession(session?: unknown): this;
  getSession(): undefined;
  setSDKProcessingMetadata(metadata: Record<string, unknown>): this;
  addScopeListener(callback: (scope: Scope) => void): void;
  setConversationId(id: string | null | undefined): this;
  /** Everything set on this scope, for merging into an event. */
  getScopeData(): ScopeData;
  clear(): this;
  clone(): Scope;
}

type Fields = Omit<ScopeData, 'breadcrumbs'>;
const empty = (): Fields => ({ tags: {}, contexts: {}, extra: {} });

// A class (not a hierarchy) so that clones share methods through the prototype: withScope forks a scope
// per call, and closures per instance would cost on that path.
class ScopeImpl implements Scope {
  // Replaced on every change, never mutated (nor are the maps in it), so a clone shares it until either side writes.
  // Declared, not initialized as class fields: bundles for older targets would carry a defineProperty helper.
  declare private _fields: Fields;
  declare private _breadcrumbs: RingBuffer<Breadcrumb> | undefined;
  declare private _lastEventId: string | undefined;
  declare private _client: ScopeClient | undefined;

  constructor() {
    this._fields = empty();
  }

  private _set(change: Partial<Fields>): this {
    this._fields = { ...this._fields, ...change };
    return this;
  }
  setUser(user: User | undefined): this {
    return this._set({ user });
  }
  getUser(): User | undefined {
    return this._fields.user;
  }
  setTag(key: string, value: Primitive): this {
    return this.setTags({ [key]: value });
  }
  setTags(tags: Record<string, Primitive>): this {
    return this._set({ tags: { ...this._fields.tags, ...tags } });
  }
  setContext(name: string, context: Record<string, unknown> | undefined): this {
    const contexts = { ...this._fields.contexts, [name]: context };
    if (context === undefined) delete contexts[name];
    return this._set({ contexts: contexts as Contexts });
  }
  setExtra(key: string, value: unknown): this {
    return this.setExtras({ [key]: value });
  }
  setExtras(extras: Record<string, unknown>): this {
    return this._set({ extra: { ...this._fields.extra, ...extras } });
  }
  setFingerprint(fingerprint: string[] | undefined): this {
    return this._set({ fingerprint });
  }
  setLevel(level: SeverityLevel | undefined): this {
    return this._set({ level });
  }
  setPropagationContext(propagationContext: PropagationContext | undefined): this {
    return this._set({ propagationContext });
  }
  getPropagationContext(): PropagationContext | undefined {
    return this._fields.propagationContext;
  }
  setRequest(request: RequestData | undefined): this {
    return this._set({ request });
  }
  addBreadcrumb(breadcrumb: Breadcrumb, maxBreadcrumbs = DEFAULT_MAX_BREADCRUMBS): this {
    if (maxBreadcrumbs <= 0) return this;
    const crumb = breadcrumb.timestamp === undefined ? { ...breadcrumb, timestamp: Date.now() / 1000 } : breadcrumb;
    (this._breadcrumbs ??= createRingBuffer(maxBreadcrumbs)).push(crumb);
    return this;
  }
  clearBreadcrumbs(): this {
    this._breadcrumbs = undefined;
    return this;
  }
  addEventProcessor(processor: EventProcessor): this {
    return this._set({ eventProcessors: [...(this._fields.eventProcessors ?? []), processor] });
  }
  setTransactionName(transactionName: string | undefined): this {
    return this._set({ transactionName });
  }
  setAttributes(attributes: Record<string, unknown>): this {
    return this._set({ attributes: { ...this._fields.attributes, ...attributes } });
  }
  setAttribute(key: string, value: unknown): this {
    return this.setAttributes({ [key]: value });
  }
  getAttributes(): Record<string, unknown> | undefined {
    return this._fields.attributes;
  }
  removeAttribute(key: string): this {
    const attributes = { ...this._fields.attributes };
    delete attributes[key];
    return this._set({ attributes });
  }
  update(context: unknown): this {
    if (typeof context === 'function') {
      const returned = (context as (scope: Scope) => unknown)(this);
      if (returned instanceof ScopeImpl && returned !== this) this.update(returned);
      return this;
    }
    if (context instanceof ScopeImpl) {
      const { breadcrumbs: _breadcrumbs, ...data } = context.getScopeData();
      return this._set({
        ...data,
        tags: { ...this._fields.tags, ...data.tags },
        extra: { ...this._fields.extra, ...data.extra },
      });
    }
    if (typeof context === 'object' && context !== null) applyContextData(this, context as CaptureContext);
    return this;
  }
  getLastBreadcrumb(): Breadcrumb | undefined {
    return this._breadcrumbs?.toArray().pop();
  }
  setClient(client: ScopeClient | undefined): void {
    this._client = client;
  }
  getClient<C extends ScopeClient = ScopeClient>(): C | undefined {
    return (this._client ?? boundClient()) as C | undefined;
  }
  captureException(exception: unknown, hint?: EventHint): string {
    return this.getClient()?.captureException(exception, hint, this) ?? '';
  }
  captureMessage(message: string, level?: SeverityLevel, hint?: EventHint): string {
    return this.getClient()?.captureMessage(message, level, hint, this) ?? '';
  }
  captureEvent(event: Event, hint?: EventHint): string {
    return this.getClient()?.captureEvent(event, hint, this) ?? '';
  }
  addAttachment(): this {
    return this;
  }
  clearAttachments(): this {
    return this;
  }
  setSession(): this {
    return this;
  }
  getSession(): undefined {
    return undefined;
  }
  setSDKProcessingMetadata(): this {
    return this;
  }
  addScopeListener(): void {}
  setConversationId(): this {
    return this;
  }
  setLastEventId(id: string | undefined): void {
    this._lastEventId = id;
  }
  lastEventId(): string | undefined {
    return this._lastEventId;
  }
  getScopeData(): ScopeData {
    return { ...this._fields, breadcrumbs: this._breadcrumbs ? this._breadcrumbs.toArray() : [] };
  }
  clear(): this {
    this._fields = empty();
    return this.clearBreadcrumbs();
  }
  clone(): Scope {
    const copy = new ScopeImpl();
    copy._fields = this._fields;
    copy._breadcrumbs = this._breadcrumbs?.clone();
    copy._lastEventId = this._lastEventId;
    copy._client = this._client;
    return copy;
  }
}

/** The client bound by `init` (read from the carrier without importing it: the carrier imports scopes). */
function boundClient(): ScopeClient | undefined {
  return (globalThis as { [CARRIER_KEY]?: { client?: ScopeClient } })[CARRIER_KEY]?.client;
}

/** Applies a capture context's fields (`{ user, level, tags, extra, fingerprint, contexts }`) to `scope`. */
export function applyContextData<S extends Scope>(scope: S, context: CaptureContext): S {
  if (context.user) scope.setUser(context.user);
  if (context.level) scope.setLevel(context.level);
  if (context.tags) scope.setTags(context.tags);
  if (context.extra) scope.setExtras(context.extra);
  if (context.fingerprint) scope.setFingerprint(context.fingerprint);
  for (const [name, value] of Object.entries(context.contexts ?? {})) scope.setContext(name, value);
  return scope;
}

/** Creates an empty scope. */
/* @__NO_SIDE_EFFECTS__ */
export function createScope(): Scope {
  return new ScopeImpl();
}

/** Sentry's `Scope` class: `new Scope()` is an empty scope, to pass as a capture's context or to fork. */
export const Scope: new () => Scope = ScopeImpl;
