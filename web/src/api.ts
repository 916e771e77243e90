// The page's only door to the data: the public JSON API. Everything shown
// here a script can fetch from the same URLs.

export type Span = [number, number];

export interface ActorRef { code: string; country: string; role: string }
export interface Location {
  text?: string; name: string; country: string; admin1: string;
  lat: number; lon: number; geonameid: number; span?: Span;
}
export interface AggregateEvent {
  id: string; date: string; source: ActorRef; target: ActorRef | null;
  code: string; root: string; name: string; plover: string;
  quad_class: number; goldstein: number; location: Location | null;
  num_mentions: number; num_sources: number; num_articles: number;
  first_seen: string; last_seen: string; avg_tone: number | null;
}
export interface EventPage { events: AggregateEvent[]; next: string }
export interface ArticleRef { id: string; title: string; source: string; published: string; url: string }
export interface CodedActor { text: string; code: string; country: string; role: string; span: Span }
export interface CodedEvent {
  id: string; sentence: number; span: Span; text: string;
  source: CodedActor; target: CodedActor | null; code: string; name: string;
  quad_class: number; goldstein: number; date: string; date_text: string;
  location: Location | null; rule: string; confidence: number;
}
export interface Mention {
  article: ArticleRef; event: CodedEvent;
  sentence: { span: Span; text: string; evidence: Span; source: Span; target: Span | null };
}
export interface EventDetail { event: AggregateEvent; mentions: Mention[] }
export interface Entity { text: string; type: string; span: Span; actor?: string }
export interface Place { text: string; span: Span; name: string; country: string }
export interface DateMention { text: string; span: Span; value: string }
export interface Quote { text: string; span: Span; speaker: string }
export interface Count { type: string; number: number; span: Span }
export interface StoredArticle {
  document: {
    article: { id: string; url: string; title: string; source: string; published: string; text: string };
    events: CodedEvent[] | null; entities: Entity[] | null; places: Place[] | null;
    dates: DateMention[] | null; quotes: Quote[] | null; counts: Count[] | null;
  };
  duplicate_of: string;
}
export interface SeriesPoint { period: string; key: string; events: number; mentions: number; goldstein: number }
export interface Timeseries { interval: string; by: string; points: SeriesPoint[] }
export interface Dyad { source: string; target: string; events: number; mentions: number; mean_goldstein: number }
export interface Network { by: string; dyads: Dyad[] }
export interface Actor { code: string; country: string; events: number; as_source: number; as_target: number; mentions: number }
export interface Stats { articles: number; mentions: number; events: number; duplicates: number }

// ApiError carries the API's own message, which names the bad parameter.
export class ApiError extends Error {
  constructor(message: string, public status: number, public code: string) { super(message); }
}

const urlOf = (path: string, params?: URLSearchParams) => params && [...params].length ? `${path}?${params}` : path;

// Answers asked for early, by URL, each taken once by the get that wants it.
const early = new Map<string, Promise<unknown>>();

// prefetch starts a request a view will make once its code has loaded:
// the chart libraries take hundreds of milliseconds to arrive, and the
// answer can be on its way meanwhile. The view's get for the same URL
// takes it; a different URL (the filter changed) fetches anew.
export function prefetch(path: string, params?: URLSearchParams) {
  const url = urlOf(path, params);
  if (early.has(url)) return;
  const p = fetchJSON(path, url);
  p.catch(() => { /* the view's get reports it */ });
  early.set(url, p);
}

export function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const url = urlOf(path, params);
  const p = early.get(url);
  if (!p) return fetchJSON<T>(path, url, signal);
  early.delete(url);
  return abortable(p as Promise<T>, signal);
}

// abortable rejects as fetch would when the signal aborts first, so that a
// view that moved on never draws a prefetched answer for an old filter.
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  const aborted = () => new DOMException("The request was aborted", "AbortError");
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(aborted());
    signal.addEventListener("abort", stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

async function fetchJSON<T>(path: string, url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(`cannot reach the server (${(e as Error).message})`, 0, "network");
  }
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`, code = "http";
    try {
      const body = await res.json();
      if (body?.error?.message) { msg = body.error.message; code = body.error.code; }
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(`${path}: ${msg}`, res.status, code);
  }
  return res.json() as Promise<T>;
}
