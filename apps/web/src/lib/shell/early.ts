/**
 * A request app.html starts before the app's JavaScript has loaded (the reader's report), handed
 * over once: the page that asks for the same URL gets the response already on its way.
 */
interface EarlyRequest {
  url: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __batonEarly?: EarlyRequest;
  }
}

/** The early response for `url`, or undefined (another URL, or already taken). */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  if (typeof window === 'undefined') return undefined;
  const early = window.__batonEarly;
  if (!early) return undefined;
  // Taken or not, it is used at most once: a later visit must fetch afresh.
  delete window.__batonEarly;
  return early.url === url ? early.response : undefined;
}
