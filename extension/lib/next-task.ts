// Yielding between steps of long work (reading a PDF page by page, checking report by report). No extension APIs:
// the web page uses it too.

/**
 * Yield to the event loop for a task: the page (or popup) stays responsive while a long PDF is read. scheduler.yield()
 * where there is one, else a message (not a timer: timers in a background tab wait up to a second).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Wait until the page is idle: the frames that show what was just drawn come first. At most `timeout` ms (a page that
 * is never idle), and a timer of `fallback` ms where there is no requestIdleCallback.
 */
export function whenIdle(timeout = 500, fallback = 50): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, fallback);
  });
}
