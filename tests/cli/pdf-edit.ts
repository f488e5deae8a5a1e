// A real PDF with a few printed numbers changed, as an incremental update (PDF 1.7 §7.5.6): the original bytes stay,
// a new version of one content stream follows them with a cross-reference stream pointing at it and back (/Prev) at
// the file's own. What a reader sees is the document with those glyphs replaced, nothing else moved.
import { deflateSync, inflateSync } from 'node:zlib';

export interface PdfEdit {
  /** text that occurs exactly once in the inflated content stream (e.g. a text matrix and its glyph string) */
  from: string;
  to: string;
}

/** `pdf` with the content stream object `obj` (Flate-encoded) edited; throws when an edit does not match once. */
export function editContentStream(pdf: Uint8Array, obj: number, edits: readonly PdfEdit[]): Buffer {
  const bytes = Buffer.from(pdf);
  const latin = bytes.toString('latin1');
  const head = new RegExp(`(?:^|[\\r\\n])${obj} 0 obj\\s*<<[^]*?>>\\s*stream\\r?\\n`).exec(latin);
  if (!head) throw new Error(`object ${obj} with a stream not found`);
  const start = head.index + head[0].length;
  const end = latin.indexOf('endstream', start);
  let content = inflateSync(bytes.subarray(start, end)).toString('latin1');
  for (const e of edits) {
    const at = content.indexOf(e.from);
    if (at < 0 || content.indexOf(e.from, at + 1) >= 0) throw new Error(`"${e.from}" does not occur exactly once in object ${obj}`);
    content = content.slice(0, at) + e.to + content.slice(at + e.from.length);
  }
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin)?.[1]);
  const trailer = latin.slice(startxref, latin.indexOf('stream', startxref));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!Number.isInteger(startxref) || !size || !root) throw new Error('no cross-reference stream at startxref');
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  const parts: Buffer[] = [bytes, Buffer.from('\n', 'latin1')];
  let offset = bytes.length + 1;
  const objAt = offset;
  const updated = Buffer.concat([
    Buffer.from(`${obj} 0 obj\n<</Filter /FlateDecode/Length ${stream.length}>>\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
  parts.push(updated);
  offset += updated.length;
  // the new cross-reference stream: object `size` (one past the file's last), entries for `obj` and itself
  const xrefNum = size;
  const entry = (at: number) => Buffer.from([1, (at >>> 24) & 255, (at >>> 16) & 255, (at >>> 8) & 255, at & 255, 0]);
  const table = Buffer.concat([entry(objAt), entry(offset)]);
  parts.push(
    Buffer.from(
      `${xrefNum} 0 obj\n<</Type /XRef/Size ${xrefNum + 1}/Root ${root}/Prev ${startxref}/Index [${obj} 1 ${xrefNum} 1]/W [1 4 1]/Length ${table.length}>>\nstream\n`,
      'latin1',
    ),
    table,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

/**
 * The real Hongze 2024 PDF with 表三 二、上年结转 printed 3 instead of 0 in 自然人 and in 总计, so that the row still
 * adds up and only the balance (新收 + 上年结转 = 办理 + 结转下年度) fails, in both columns: three equally small
 * corrections (新收 95→92, 上年结转 3→0, 结转下年度 0→3). Hongze 2023 carried 0 forward (MANIFEST), which agrees with one.
 * Object 37 is page 3's content stream; each cell is one glyph string after its text matrix (x 322.2 and 495.84,
 * 536.09 from the top); <0013> and <0016> are 0 and 3 in the page's TimesNewRomanPSMT subset (its ToUnicode map).
 */
export function hongze2024CarriedOver3(original: Uint8Array): Buffer {
  return editContentStream(original, 37, [
    { from: '322.2 536.09 Tm\r<0013>Tj', to: '322.2 536.09 Tm\r<0016>Tj' },
    { from: '495.84 536.09 Tm\r<0013>Tj', to: '495.84 536.09 Tm\r<0016>Tj' },
  ]);
}

/**
 * The real Hongze 2023 PDF with 表三 四、结转下年度继续办理 printed 3 instead of 0 in 自然人 and 总计: a second,
 * different 2023 report of the agency, whose 结转 agrees with the changed 2024's 上年结转 3. Page 4's content stream
 * (object 45), the cells at x 322.2 and 495.84, 263.69 from the top; <0013> 0, <0016> 3 as in the 2024 file.
 */
export function hongze2023CarriedForward3(original: Uint8Array): Buffer {
  return editContentStream(original, 45, [
    { from: '322.2 263.69 Tm\r<0013>Tj', to: '322.2 263.69 Tm\r<0016>Tj' },
    { from: '495.84 263.69 Tm\r<0013>Tj', to: '495.84 263.69 Tm\r<0016>Tj' },
  ]);
}
