import type {
  Breadcrumb,
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
  /**
   * The request-mode session whose errors this scope counts (set on a request's isolation scope by the
   * server integration; opaque here). Clones share it, so a fork inside a request still counts for it.
   */
  setRequestSession(session: object | undefined): void;
  getRequestSession(): object | undefined;
  /** The event's `transaction` (a route or job name), as Sentry's scope sets it. */
  setTransactionName(name: string | undefined): this;
  /** Attributes for every log captured with this scope (Sentry's scope attributes). */
  setAttributes(attributes: Record<string, unknown>): this;
  setAttribute(key: string, value: unknown): this;
  removeAttribute(key: string): this;
  getAttributes(): Record<string, unknown> | undefined;
  /** Sentry's attachments: accepted and not sent (Faultline sends no attachments). */
  addAttachment(attachment: unknown): this;
  clearAttachments(): this;
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
  declare private _requestSession: object | undefined;

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
  addAttachment(): this {
    return this;
  }
  clearAttachments(): this {
    return this;
  }
  setLastEventId(id: string | undefined): void {
    this._lastEventId = id;
  }
  lastEventId(): string | undefined {
    return this._lastEventId;
  }
  setRequestSession(session: object | undefined): void {
    this._requestSession = session;
  }
  getRequestSession(): object | undefined {
    return this._requestSession;
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
    copy._requestSession = this._requestSession;
    return copy;
  }
}

/** Creates an empty scope. */
/* @__NO_SIDE_EFFECTS__ */
export function createScope(): Scope {
  return new ScopeImpl();
}

/** Sentry's `Scope` class: `new Scope()` is an empty scope, to pass as a capture's context or to fork. */
export const Scope: new () => Scope = ScopeImpl;
