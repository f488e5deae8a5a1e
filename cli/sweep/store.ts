// The sweep's SQLite database: what was fetched, each report with its cells and findings, one transaction per
// report, WAL so that a kill at any moment leaves the last committed report intact. node:sqlite (built into
// Node 22): no native build and no prebuilt binary to download at install.
import { createRequire } from 'node:module';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import './quiet';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Finding, Report } from '../../core/model/schema';
import { agencyKey, checkPair, sortFindings } from '../../core/check';
import { decideByYear } from '../../core/years';
import { colLabel, rowLabel } from '../../core/export/labels';
import { countFindings, firstError, received } from '../../core/sweep/summary';

// 2: report_data.findings_alone; the findings of a report with a previous year are joined as `npm run check` joins
// several years (core/years.ts: last year's 结转 may decide between equally small corrections), with the first report
// of that year by read_from (index reports_agency_year_read)
export const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- every HTTP request the sweep made (robots.txt, list pages, report pages, attachments) and every local file read
CREATE TABLE IF NOT EXISTS fetches (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL, role TEXT NOT NULL, fetched_at TEXT NOT NULL,
  status INTEGER, content_type TEXT, bytes INTEGER, sha256 TEXT, error TEXT, final_url TEXT);
CREATE INDEX IF NOT EXISTS fetches_url ON fetches(url);
-- bodies fetched but whose report is not stored yet: a sweep killed between the two reads them from here
CREATE TABLE IF NOT EXISTS pending (
  url TEXT PRIMARY KEY, final_url TEXT, status INTEGER, content_type TEXT, body BLOB NOT NULL);
-- one row per report source (a report page, PDF or file): 'ok' or the one-line reason it could not be checked
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, found_on TEXT, link_title TEXT,
  fetch TEXT NOT NULL, attachment TEXT, checked_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  agency TEXT, agency_key TEXT, year INTEGER, format TEXT NOT NULL, read_from TEXT NOT NULL, title TEXT,
  errors INTEGER NOT NULL, warnings INTEGER NOT NULL, needs_review INTEGER NOT NULL, passed INTEGER NOT NULL,
  not_checkable INTEGER NOT NULL, first_error TEXT, received INTEGER, cell_count INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS reports_source ON reports(source_id);
CREATE INDEX IF NOT EXISTS reports_agency_year_read ON reports(agency_key, year, read_from, seq);
-- gzip'd JSON of each report as read, its findings and its cross-year findings (the JSON contract, lossless); a table
-- of its own so that queries over reports do not read past these. With the agency's previous year stored, findings are
-- as joined with it (core/years.ts) and findings_alone as checked alone where that differs (NULL: the same).
CREATE TABLE IF NOT EXISTS report_data (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  report BLOB NOT NULL, findings BLOB NOT NULL, cross_year_findings BLOB, findings_alone BLOB);
CREATE TABLE IF NOT EXISTS cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  tbl TEXT NOT NULL, "row" TEXT NOT NULL, col TEXT NOT NULL, value REAL, raw TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cells_report ON cells(report_id);
CREATE TABLE IF NOT EXISTS labels (
  format TEXT NOT NULL, tbl TEXT NOT NULL, axis TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL,
  PRIMARY KEY (format, tbl, axis, id)) WITHOUT ROWID;
-- every finding, for queries; cross_year = 1: a cross-year rule (spec §7.6) against the agency's report of the year
-- before. The message (zh), suspects and alternatives (JSON) are kept for what did not pass; every finding in full
-- (English message, cells, evidence …) is in reports.findings.
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  cross_year INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
  "left" REAL, "right" REAL, difference REAL, ambiguous INTEGER NOT NULL, message_zh TEXT,
  suspects TEXT, alternatives TEXT);
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule, status);
-- the tidy CSV's columns, as the single-report CLI writes them
CREATE VIEW IF NOT EXISTS cells_tidy AS
  SELECT s.source, r.agency, r.year, r.format, c.tbl AS "table", c."row", COALESCE(lr.label, c."row") AS row_label,
         c.col, COALESCE(lc.label, c.col) AS col_label, c.value, c.raw
  FROM cells c JOIN reports r ON r.id = c.report_id JOIN sources s ON s.id = r.source_id
  LEFT JOIN labels lr ON lr.format = r.format AND lr.tbl = c.tbl AND lr.axis = 'row' AND lr.id = c."row"
  LEFT JOIN labels lc ON lc.format = r.format AND lc.tbl = c.tbl AND lc.axis = 'col' AND lc.id = c.col;
-- one row per source: the --csv summary (agency, year, format of its first report; counts over all its reports).
-- No GROUP BY, so that a WHERE on it reaches the sources' index.
CREATE VIEW IF NOT EXISTS summary AS
  SELECT s.id AS source_id, s.source, s.fetch, r.agency, r.year, r.format,
         (SELECT COALESCE(SUM(x.errors), 0) FROM reports x WHERE x.source_id = s.id) AS errors,
         (SELECT COALESCE(SUM(x.warnings), 0) FROM reports x WHERE x.source_id = s.id) AS warnings,
         (SELECT COALESCE(SUM(x.needs_review), 0) FROM reports x WHERE x.source_id = s.id) AS needs_review,
         (SELECT COALESCE(SUM(x.passed), 0) FROM reports x WHERE x.source_id = s.id) AS passed,
         (SELECT COALESCE(SUM(x.not_checkable), 0) FROM reports x WHERE x.source_id = s.id) AS not_checkable,
         (SELECT x.first_error FROM reports x WHERE x.source_id = s.id AND x.first_error IS NOT NULL ORDER BY x.seq LIMIT 1) AS first_error,
         r.read_from, s.found_on, r.received
  FROM sources s LEFT JOIN reports r ON r.source_id = s.id AND r.seq = 0;
`;

export interface FetchRecord {
  url: string;
  role: 'robots' | 'list' | 'report' | 'attachment' | 'file';
  fetchedAt: string;
  status: number | null;
  contentType: string | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  finalUrl: string | null;
}

export interface PendingBody {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

export type { SweptReport as StoredReport } from '../../core/sweep/summary';
import type { SweptReport as StoredReport } from '../../core/sweep/summary';

export interface SourceRecord {
  source: string;
  foundOn: string | null;
  linkTitle: string | null;
  /** 'ok' or the one-line reason */
  fetch: string;
  attachment: string | null;
  reports: StoredReport[];
}

// the counts behind a summary row: one definition, in core (the extension's sweep uses them too)
export { countFindings, firstError, received, type Counts } from '../../core/sweep/summary';

export class SweepStore {
  readonly db: DatabaseSync;
  private readonly st: Record<string, StatementSync>;
  private readonly labelsKnown = new Set<string>();

  constructor(readonly path: string) {
    // loaded on first use, after ./quiet has hushed its ExperimentalWarning (a static import loads it before any code runs)
    const { DatabaseSync: Database } = createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite');
    this.db = new Database(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    const version = (this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > SCHEMA_VERSION)
      throw new Error(`the database ${path} was written by a newer gidar-check (schema ${version}; this one knows ${SCHEMA_VERSION})`);
    if (version === 0) {
      const tables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new Error(`${path} is an SQLite database, but not a gidar-check sweep database`);
    }
    // the schema, its migration and the rewritten findings in one transaction: a kill leaves the old version intact
    if (version < SCHEMA_VERSION) this.db.exec('BEGIN IMMEDIATE');
    try {
      if (version === 0) this.db.exec(SCHEMA);
      if (version === 1)
        this.db.exec(`ALTER TABLE report_data ADD COLUMN findings_alone BLOB; DROP INDEX IF EXISTS reports_agency_year;
          CREATE INDEX reports_agency_year_read ON reports(agency_key, year, read_from, seq);`);
      this.st = this.prepare();
      // version 1 appended the cross-year findings: every report with a previous year (or a pair) joined as the CLI does
      if (version === 1) {
        const paired = this.db.prepare(`SELECT r.id FROM reports r JOIN report_data d ON d.report_id = r.id WHERE d.cross_year_findings IS NOT NULL
          OR EXISTS (SELECT 1 FROM reports p WHERE p.agency_key = r.agency_key AND p.year = r.year - 1)`);
        for (const { id } of paired.all() as { id: number }[]) this.joinYear(id);
      }
      if (version < SCHEMA_VERSION) {
        this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
        this.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
        this.db.exec('COMMIT');
      }
    } catch (e) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private prepare(): Record<string, StatementSync> {
    const p = (sql: string) => this.db.prepare(sql);
    return {
      fetch: p('INSERT INTO fetches (url, role, fetched_at, status, content_type, bytes, sha256, error, final_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      pendingPut: p('INSERT OR REPLACE INTO pending (url, final_url, status, content_type, body) VALUES (?, ?, ?, ?, ?)'),
      pendingGet: p('SELECT url, final_url, status, content_type, body FROM pending WHERE url = ?'),
      pendingDel: p('DELETE FROM pending WHERE url = ?'),
      sourceDone: p('SELECT fetch FROM sources WHERE source = ?'),
      sourceDel: p('DELETE FROM sources WHERE source = ?'),
      sourceIns: p('INSERT INTO sources (source, found_on, link_title, fetch, attachment, checked_at) VALUES (?, ?, ?, ?, ?, ?)'),
      reportIns: p(`INSERT INTO reports (source_id, seq, agency, agency_key, year, format, read_from, title, errors, warnings,
        needs_review, passed, not_checkable, first_error, received, cell_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      dataIns: p('INSERT INTO report_data (report_id, report, findings) VALUES (?, ?, ?)'),
      cellIns: p('INSERT INTO cells (report_id, tbl, "row", col, value, raw, kind) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      labelIns: p('INSERT OR IGNORE INTO labels (format, tbl, axis, id, label) VALUES (?, ?, ?, ?, ?)'),
      findingIns: p(`INSERT INTO findings (report_id, cross_year, rule, severity, status, "left", "right", difference, ambiguous,
        message_zh, suspects, alternatives) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      yearsOf: p(`SELECT agency_key AS key, year FROM reports r JOIN sources s ON s.id = r.source_id
        WHERE s.source = ? AND agency_key IS NOT NULL AND year IS NOT NULL`),
      // by where the tables were read, not by arrival: the same pairs however the fetches finished, a restart included
      firstOfYear: p('SELECT id FROM reports WHERE agency_key = ? AND year = ? ORDER BY read_from, seq LIMIT 1'),
      ofYear: p('SELECT id FROM reports WHERE agency_key = ? AND year = ? ORDER BY id'),
      reportOf: p('SELECT agency_key AS key, year, format FROM reports WHERE id = ?'),
      findingsDel: p('DELETE FROM findings WHERE report_id = ?'),
      dataOf: p('SELECT report, findings, cross_year_findings, findings_alone FROM report_data WHERE report_id = ?'),
      dataUpd: p('UPDATE report_data SET findings = ?, cross_year_findings = ?, findings_alone = ? WHERE report_id = ?'),
      countsUpd: p(`UPDATE reports SET errors = ?, warnings = ?, needs_review = ?, passed = ?, not_checkable = ?, first_error = ? WHERE id = ?`),
    };
  }

  recordFetch(f: FetchRecord): void {
    this.st.fetch!.run(f.url, f.role, f.fetchedAt, f.status, f.contentType, f.bytes, f.sha256, f.error, f.finalUrl);
  }

  /** A body is kept from the moment it arrives until its report is stored, so a restart does not fetch it again. */
  putPending(b: PendingBody): void {
    this.st.pendingPut!.run(b.url, b.finalUrl, b.status, b.contentType, b.body);
  }

  getPending(url: string): PendingBody | null {
    const r = this.st.pendingGet!.get(url) as { url: string; final_url: string; status: number; content_type: string | null; body: Uint8Array } | undefined;
    return r ? { url: r.url, finalUrl: r.final_url, status: r.status, contentType: r.content_type, body: r.body } : null;
  }

  /** drops a source (a start that failed before, or was a report, and now turns out a list page) */
  forget(source: string): void {
    this.transaction(() => this.keepingYearsJoined(source, [], () => this.st.sourceDel!.run(source)));
  }

  /** 'ok' or the failure reason of a source already stored; null when it is not */
  stored(source: string): string | null {
    const r = this.st.sourceDone!.get(source) as { fetch: string } | undefined;
    return r ? r.fetch : null;
  }

  /**
   * One source with its reports, cells and findings in one transaction. Years join as in `npm run check` given the
   * files in name order: a report is joined with the first report (by where its tables were read) of its agency's
   * previous year (core/years.ts), and the reports of the following year are joined anew when this source changes
   * which report is the first of its year — whichever year arrives first, in this sweep or an earlier one.
   * `pendingUrls`: the bodies it was read from, dropped in the same transaction.
   */
  putSource(rec: SourceRecord, pendingUrls: readonly string[] = []): void {
    this.transaction(() => {
      this.keepingYearsJoined(rec.source, rec.reports, () => {
        this.st.sourceDel!.run(rec.source);
        const sourceId = Number(
          this.st.sourceIns!.run(rec.source, rec.foundOn, rec.linkTitle, rec.fetch, rec.attachment, new Date().toISOString()).lastInsertRowid,
        );
        rec.reports.forEach((r, seq) => {
          const id = this.putReport(sourceId, seq, r);
          const key = agencyKey(r.report.agency);
          if (key !== null && r.report.year !== null && this.firstOf(key, r.report.year - 1) !== null) this.joinYear(id, r);
          else for (const f of r.findings) this.putFinding(id, 0, f);
        });
      });
      for (const u of pendingUrls) this.st.pendingDel!.run(u);
    });
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /**
   * `change` replaces what `source` holds by `reports`; then the reports of the year after each agency-year whose
   * first report that changed (one came, went or moved ahead) are joined anew.
   */
  private keepingYearsJoined(source: string, reports: readonly StoredReport[], change: () => void): void {
    const years = new Map<string, { key: string; year: number }>();
    const addYear = (key: string | null, year: number | null) => {
      if (key !== null && year !== null) years.set(`${year}|${key}`, { key, year });
    };
    for (const y of this.st.yearsOf!.all(source) as { key: string; year: number }[]) addYear(y.key, y.year);
    for (const r of reports) addYear(agencyKey(r.report.agency), r.report.year);
    const firstBefore = new Map([...years].map(([k, y]) => [k, this.firstOf(y.key, y.year)]));
    change();
    for (const [k, { key, year }] of years)
      if (this.firstOf(key, year) !== firstBefore.get(k)) for (const next of this.st.ofYear!.all(key, year + 1) as { id: number }[]) this.joinYear(next.id);
  }

  /** A report with its cells and its findings as checked alone (their rows: putSource, joined or not). */
  private putReport(sourceId: number, seq: number, { report, findings, readFrom }: StoredReport): number {
    const counts = countFindings(findings);
    const id = Number(
      this.st.reportIns!.run(
        sourceId, seq, report.agency, agencyKey(report.agency), report.year, report.format, readFrom, report.title ?? null,
        counts.errors, counts.warnings, counts.needsReview, counts.passed, counts.notCheckable,
        firstError(findings), received(report), report.cells.length,
      ).lastInsertRowid,
    );
    this.st.dataIns!.run(id, pack(report), pack(findings));
    for (const c of report.cells) {
      this.st.cellIns!.run(id, c.table, c.row, c.col, c.value, c.raw, c.kind);
      this.label(report.format, c.table, 'row', c.row);
      this.label(report.format, c.table, 'col', c.col);
    }
    return id;
  }

  /** the first report (by where its tables were read) of an agency's year, as the CLI pairs the first given; or null */
  private firstOf(key: string, year: number): number | null {
    return (this.st.firstOfYear!.get(key, year) as { id: number } | undefined)?.id ?? null;
  }

  /**
   * Rewrites a stored report's findings (rows, gzip'd JSON, counts) as joined with the first report of its agency's
   * previous year, or as checked alone when there is none. From its findings as checked alone, so that
   * joining again gives the same. `fresh`: the report just written as `id` (putSource), not read back from its blobs.
   */
  private joinYear(id: number, fresh?: StoredReport): void {
    const { key, year, format } = this.st.reportOf!.get(id) as { key: string | null; year: number | null; format: Report['format'] };
    const data = fresh ? null : this.data(id);
    const alone = fresh ? fresh.findings : unpackJson<Finding[]>(data!.findings_alone ?? data!.findings);
    const previous = key !== null && year !== null ? this.firstOf(key, year - 1) : null;
    if (previous === null && (data === null || data.cross_year_findings === null)) return;
    const pair = previous === null ? [] : checkPair(this.report(previous), fresh?.report ?? this.report(id));
    const own = previous === null ? alone : decideByYear(alone, pair, format);
    const changed = own.some((f, i) => f !== alone[i]);
    this.st.dataUpd!.run(pack(own), previous === null ? null : pack(pair), changed ? pack(alone) : null, id);
    this.st.findingsDel!.run(id);
    for (const f of own) this.putFinding(id, 0, f);
    for (const f of pair) this.putFinding(id, 1, f);
    const all = sortFindings([...own, ...pair]);
    const c = countFindings(all);
    this.st.countsUpd!.run(c.errors, c.warnings, c.needsReview, c.passed, c.notCheckable, firstError(all), id);
  }

  private putFinding(reportId: number, crossYear: 0 | 1, f: Finding): void {
    const kept = f.status !== 'pass';
    this.st.findingIns!.run(
      reportId, crossYear, f.rule, f.severity, f.status, f.left, f.right, f.difference, f.ambiguous ? 1 : 0,
      kept ? f.message.zh : null,
      kept && f.suspects.length ? JSON.stringify(f.suspects) : null, kept && f.alternatives?.length ? JSON.stringify(f.alternatives) : null,
    );
  }

  private label(format: Report['format'], table: 't2' | 't3' | 't4', axis: 'row' | 'col', id: string): void {
    const k = `${format}|${table}|${axis}|${id}`;
    if (this.labelsKnown.has(k)) return;
    this.labelsKnown.add(k);
    this.st.labelIns!.run(format, table, axis, id, axis === 'row' ? (table === 't4' ? '' : rowLabel(table, format, id)) : colLabel(table, format, id));
  }

  /** the stored Report of a reports row */
  report(id: number): Report {
    return unpack(this.data(id).report);
  }

  private data(id: number): ReportData {
    return this.st.dataOf!.get(id) as unknown as ReportData;
  }

  /** a report's findings, its own (as joined with its previous year) and the cross-year ones, most important first: what `npm run check` gives for it */
  findings(reportId: number): Finding[] {
    const row = this.data(reportId);
    return sortFindings([...unpackJson<Finding[]>(row.findings), ...(row.cross_year_findings ? unpackJson<Finding[]>(row.cross_year_findings) : [])]);
  }

  close(): void {
    this.db.close();
  }
}

interface ReportData {
  report: Uint8Array;
  findings: Uint8Array;
  cross_year_findings: Uint8Array | null;
  findings_alone: Uint8Array | null;
}

function pack(value: unknown): Buffer {
  return gzipSync(JSON.stringify(value));
}

function unpackJson<T>(blob: Uint8Array): T {
  return JSON.parse(gunzipSync(blob).toString('utf8')) as T;
}

export function unpack(blob: Uint8Array): Report {
  return unpackJson<Report>(blob);
}
