// Narrative sections of real corpus documents for the rule tests (a stand-in until the readers land):
// tags stripped, split at the six standard headings.
import { readFileSync } from 'node:fs';
import type { Section } from '../../core/model/schema';

const HEADS: [string, RegExp][] = [
  ['sec.overview', /\n\s*一、\s*(?:总体情况|概述)/],
  ['sec.proactive', /\n\s*二、\s*主动公开政府信息情况/],
  ['sec.applications', /\n\s*三、\s*收到和处理政府信息公开申请情况/],
  ['sec.reviewLitigation', /\n\s*四、[^\n]*行政复议/],
  ['sec.problems', /\n\s*五、[^\n]*存在的主要问题/],
  ['sec.other', /\n\s*六、\s*其他需要报告的事项/],
];

export function htmlText(path: string): string {
  const s = readFileSync(path, 'utf8');
  return s
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/p>|<br\s*\/?>|<\/tr>|<\/div>/gi, '\n')
    .replace(/<\/td>/gi, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export function splitSections(text: string): Section[] {
  const t = `\n${text}`;
  const found: { id: string; start: number; titleEnd: number }[] = [];
  let from = 0;
  for (const [id, re] of HEADS) {
    const m = re.exec(t.slice(from));
    if (!m) continue;
    const start = from + m.index;
    const lineEnd = t.indexOf('\n', start + 1);
    found.push({ id, start, titleEnd: lineEnd < 0 ? t.length : lineEnd });
    from = start + 1;
  }
  return found.map((f, i) => ({
    id: f.id,
    title: t.slice(f.start, f.titleEnd).trim(),
    text: t.slice(f.titleEnd, i + 1 < found.length ? found[i + 1]!.start : t.length).trim(),
  }));
}
