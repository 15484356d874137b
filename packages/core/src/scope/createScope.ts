import type { Breadcrumb, Contexts, Primitive, PropagationContext, RequestData, SeverityLevel, User } from '../types';
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
}

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
  setLastEventId(id: string | undefined): void;
  lastEventId(): string | undefined;
  /** Everything set on this scope, for merging into an event. */
  getScopeData(): ScopeData;
  clear(): this;
  clone(): Scope;
}

// A class (not a hierarchy) so that clones share methods through the prototype: withScope forks a scope
// per call, and closures per instance would cost on that path.
class ScopeImpl implements Scope {
  private _user: User | undefined;
  private _tags: Record<string, Primitive> = {};
  private _contexts: Contexts = {};
  private _extra: Record<string, unknown> = {};
  private _fingerprint: string[] | undefined;
  private _level: SeverityLevel | undefined;
  private _propagationContext: PropagationContext | undefined;
  private _request: RequestData | undefined;
  private _breadcrumbs: RingBuffer<Breadcrumb> | undefined;
  private _lastEventId: string | undefined;

  setUser(user: User | undefined): this {
    this._user = user;
    return this;
  }
  getUser(): User | undefined {
    return this._user;
  }
  setTag(key: string, value: Primitive): this {
    this._tags = { ...this._tags, [key]: value };
    return this;
  }
  setTags(tags: Record<string, Primitive>): this {
    this._tags = { ...this._tags, ...tags };
    return this;
  }
  setContext(name: string, context: Record<string, unknown> | undefined): this {
    const next = { ...this._contexts };
    if (context === undefined) delete next[name];
    else next[name] = context;
    this._contexts = next;
    return this;
  }
  setExtra(key: string, value: unknown): this {
    this._extra = { ...this._extra, [key]: value };
    return this;
  }
  setExtras(extras: Record<string, unknown>): this {
    this._extra = { ...this._extra, ...extras };
    return this;
  }
  setFingerprint(fingerprint: string[] | undefined): this {
    this._fingerprint = fingerprint;
    return this;
  }
  setLevel(level: SeverityLevel | undefined): this {
    this._level = level;
    return this;
  }
  setPropagationContext(context: PropagationContext | undefined): this {
    this._propagationContext = context;
    return this;
  }
  getPropagationContext(): PropagationContext | undefined {
    return this._propagationContext;
  }
  setRequest(request: RequestData | undefined): this {
    this._request = request;
    return this;
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
  setLastEventId(id: string | undefined): void {
    this._lastEventId = id;
  }
  lastEventId(): string | undefined {
    return this._lastEventId;
  }
  getScopeData(): ScopeData {
    return {
      user: this._user,
      tags: this._tags,
      contexts: this._contexts,
      extra: this._extra,
      fingerprint: this._fingerprint,
      level: this._level,
      propagationContext: this._propagationContext,
      request: this._request,
      breadcrumbs: this._breadcrumbs ? this._breadcrumbs.toArray() : [],
    };
  }
  clear(): this {
    this._user = this._fingerprint = this._level = this._propagationContext = this._request = undefined;
    this._tags = {};
    this._contexts = {};
    this._extra = {};
    this._breadcrumbs = undefined;
    return this;
  }
  clone(): Scope {
    // Maps are replaced, never mutated (see the setters), so a clone can share them until either side writes.
    const copy = new ScopeImpl();
    copy._user = this._user;
    copy._tags = this._tags;
    copy._contexts = this._contexts;
    copy._extra = this._extra;
    copy._fingerprint = this._fingerprint;
    copy._level = this._level;
    copy._propagationContext = this._propagationContext;
    copy._request = this._request;
    copy._breadcrumbs = this._breadcrumbs?.clone();
    copy._lastEventId = this._lastEventId;
    return copy;
  }
}

/** Creates an empty scope. */
/* @__NO_SIDE_EFFECTS__ */
export function createScope(): Scope {
  return new ScopeImpl();
}
