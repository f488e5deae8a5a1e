// The extension's overlay (marks, tooltip, findings panel) over the drawn report. (Mounted once helper annot's split
// of the annotator lands: until then nothing is drawn over the report.)
import type { LangStore, PageOverlay } from './app';

export function createPageOverlay(_win: Window, _langs: LangStore): PageOverlay {
  return { show: () => undefined };
}
