// A narrative finding's claimed number inside its sentence, as a Range over the page's text (read only).
import { HOST_TAG } from './host';

export function findSentence(doc: Document, sentence: string, start: number, end: number): Range | null {
  const needle = sentence.slice(Math.max(0, start - 8), end).replace(/\s+/g, '');
  if (!needle || !doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  // Concatenate text nodes (whitespace dropped) and remember where each character came from.
  let text = '';
  const at: [Text, number][] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const p = n.parentElement;
    if (p && (p.closest('script,style,noscript,table') || p.closest(HOST_TAG))) continue;
    const v = n.data;
    for (let i = 0; i < v.length; i++) {
      if (/\s/.test(v[i]!)) continue;
      text += v[i];
      at.push([n, i]);
    }
  }
  const i = text.indexOf(needle);
  if (i < 0) return null;
  // The context before the number only made the match unique; the outline goes around the number.
  const numberLength = sentence.slice(start, end).replace(/\s+/g, '').length || needle.length;
  const from = at[i + needle.length - numberLength]!;
  const to = at[i + needle.length - 1]!;
  const range = doc.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1] + 1);
  return range;
}
