// The DOM-walking half of reading a page, for a caller with time to spare before the rest of the reader is at hand:
// the extension's bootstrap runs it while the annotator's code is fetched and compiled off the main thread.
// Imports only dom-scan and grid (neither imports anything), so that the bootstrap stays small.
import { scanDocument, type Scan } from './dom-scan';
import { buildGrid } from './grid';

/** The page's blocks and tables (scanDocument) with each table's grid, as locating would build them. */
export function scanWithGrids(doc: Document): Scan {
  const scan = scanDocument(doc);
  scan.grids = scan.tables.map((t, i) => (scan.tableOversized[i] ? undefined : buildGrid(t)));
  return scan;
}
