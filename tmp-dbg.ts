import { readFileSync } from 'node:fs';
import { readText } from './core/read/text';
const t = readFileSync('samples/huixian-2023.txt', 'utf8').split('\n');
const first = t.findIndex((l) => l.includes('申请人无正当'));
const out = [...t.slice(0, first), ['', '（六）其他处理', 2, 0, 0, 0, 0, 0, 2].join('\t'), ...t.slice(first + 3)];
console.log(out.slice(first - 2, first + 3));
const [r] = readText(out.join('\n'));
console.log(r!.format, r!.readNotes.filter((n) => n.table === 't3').map((n) => n.zh));
console.log(r!.cells.filter((c) => c.table === 't3' && /other/.test(c.row)).map((c) => c.row + c.raw));
