// A window's responses through `session.webRequest.onHeadersReceived`: each response Chromium pauses (the
// DevTools Fetch domain, at the response stage) is shown to the listener as Electron's details, and goes on with
// the headers it answers, or is cancelled.

import type { CDPSession } from 'playwright-core';
import { INTERNALS } from './internal';
import type { HeadersReceivedDetails, Session } from './session';

/** The fields of Fetch.requestPaused the stand-in reads (playwright-core does not export the protocol's types). */
export interface PausedResponse {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string> };
  frameId: string;
  resourceType: string;
  responseErrorReason?: string;
  responseStatusCode?: number;
  responseStatusText?: string;
  responseHeaders?: Array<{ name: string; value: string }>;
}

/** Who the response is for: the window's webContents, its main frame, and the frame of the response. */
export interface ResponseOwner {
  id: number;
  session: Session;
  webContents: unknown;
  mainFrameId: string;
  frame(id: string): unknown;
}

let nextRequest = 0;

/** Lets the paused response go on as the session's listener answers (or untouched, without one). */
export async function routeResponse(
  cdp: CDPSession,
  event: PausedResponse,
  owner: ResponseOwner,
): Promise<void> {
  const { requestId, request, responseStatusCode, responseHeaders } = event;
  // A load that failed has no headers to show: it fails on as it would.
  if (event.responseErrorReason || responseStatusCode === undefined) {
    await cdp.send('Fetch.continueRequest', { requestId }).catch(() => {});
    return;
  }
  const headers: Record<string, string[]> = {};
  for (const { name, value } of responseHeaders ?? []) (headers[name] ??= []).push(value);
  const statusText = event.responseStatusText || 'OK';
  const details: HeadersReceivedDetails = {
    id: ++nextRequest,
    url: request.url,
    method: request.method,
    resourceType: resourceType(event.resourceType, event.frameId === owner.mainFrameId),
    referrer: request.headers.Referer ?? '',
    timestamp: Date.now(),
    statusLine: `HTTP/1.1 ${responseStatusCode} ${statusText}`,
    statusCode: responseStatusCode,
    responseHeaders: headers,
    webContentsId: owner.id,
    webContents: owner.webContents,
    frame: owner.frame(event.frameId),
  };
  const answer = await owner.session.webRequest[INTERNALS](details);
  // The page may be gone by now; its request with it.
  const done = () => {};
  if (!answer) {
    await cdp.send('Fetch.continueRequest', { requestId }).catch(done);
  } else if (answer.cancel) {
    await cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(done);
  } else {
    const status = answer.statusLine ? /^\S+\s+(\d+)\s*(.*)$/.exec(answer.statusLine) : null;
    const replaced = answer.responseHeaders ?? headers;
    await cdp
      .send('Fetch.continueResponse', {
        requestId,
        responseCode: status ? Number(status[1]) : responseStatusCode,
        responsePhrase: status ? status[2] || statusText : statusText,
        responseHeaders: Object.entries(replaced).flatMap(([name, values]) =>
          (Array.isArray(values) ? values : [values]).map((value) => ({ name, value: String(value) })),
        ),
      })
      .catch(done);
  }
}

// Electron's resource types from the DevTools protocol's.
function resourceType(type: string, mainFrame: boolean): string {
  const types: Record<string, string> = {
    Document: mainFrame ? 'mainFrame' : 'subFrame',
    Stylesheet: 'stylesheet',
    Script: 'script',
    Image: 'image',
    Font: 'font',
    XHR: 'xhr',
    Fetch: 'xhr',
    Media: 'media',
    WebSocket: 'webSocket',
    Ping: 'ping',
    CSPViolationReport: 'cspReport',
  };
  return types[type] ?? 'other';
}
