// Other text shapes a user pastes: the tables alone as TSV (browser copy), CSV, columns separated by 2+ spaces;
// and bad input. Values are the Huixian 2023 sample's, typed by hand.
import { describe, expect, it } from 'vitest';
import { readText } from '../../core/read/text';
import { cellIndex } from '../../core/model/ids';
import { Report } from '../../core/model/schema';

const ROWS: [string, number[]][] = [
  ['一、本年新收政府信息公开申请数量', [116, 0, 0, 0, 0, 5, 121]],
  ['二、上年结转政府信息公开申请数量', [0, 0, 0, 0, 0, 0, 0]],
  ['（一）予以公开', [83, 0, 0, 0, 0, 5, 88]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, 0, 0, 0, 0, 0, 2]],
  ['4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1]],
  ['1.本机关不掌握相关政府信息', [26, 0, 0, 0, 0, 0, 26]],
  ['3.其他', [0, 0, 0, 0, 0, 0, 0]],
  ['（七）总计', [116, 0, 0, 0, 0, 5, 121]],
  ['四、结转下年度继续办理', [0, 0, 0, 0, 0, 0, 0]],
];
const IDS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partial',
  'denied.thirdParty',
  'unable.notHeld',
  'other.misc',
  'totalProcessed',
  'carriedForward',
];
const COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const HEADER = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'];
const T4_HEAD = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4 = [1, 4, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function expectSeedRows(text: string) {
  const r = readText(text)[0]!;
  expect(Report.safeParse(r).success).toBe(true);
  const idx = cellIndex(r);
  IDS.forEach((id, i) => ROWS[i]![1].forEach((v, j) => expect(idx.get(`t3:${id}:${COLS[j]}`)?.value, `${id} ${COLS[j]}`).toBe(v)));
  expect(r.cells.filter((c) => c.table === 't3')).toHaveLength(IDS.length * 7);
  return r;
}

describe('pasted tables without the report around them', () => {
  it('TSV as copied from a page (no leading tabs for merged cells)', () => {
    const text = [HEADER.join('\t'), ...ROWS.map(([l, v]) => [l, ...v].join('\t')), T4_HEAD.join('\t'), T4.join('\t')].join('\n');
    const r = expectSeedRows(text);
    expect(r.format).toBe('unknown');
    expect(r.cells.filter((c) => c.table === 't4').map((c) => c.value)).toEqual(T4);
  });

  it('a clean Markdown table with a column header (总计 and 其他 are columns here, not rows)', () => {
    const text = [
      '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      ...ROWS.map(([l, v]) => `| ${l} | ${v.join(' | ')} |`),
    ].join('\n');
    expectSeedRows(text);
  });

  it('a Markdown table whose header lists the columns out of order is not read', () => {
    const text = ['| 项目 | 总计 | 自然人 |', '|---|---|---|', ...ROWS.map(([l, v]) => `| ${l} | ${v.join(' | ')} |`)].join('\n');
    const r = readText(text)[0]!;
    expect(r.cells.filter((c) => c.table === 't3')).toEqual([]);
    expect(r.readNotes.some((n) => n.code === 'lineUnderReorderedColumns')).toBe(true);
  });

  it('CSV, with a quoted label', () => {
    const text = [HEADER.join(','), ...ROWS.map(([l, v]) => [`"${l}"`, ...v].join(','))].join('\n');
    expectSeedRows(text);
  });

  it('columns separated by two or more spaces', () => {
    const text = [...HEADER, ...ROWS.map(([l, v]) => [l, ...v].join('   '))].join('\n');
    expectSeedRows(text);
  });

  it('a label broken over two lines of a TSV paste', () => {
    const text = [
      HEADER.join('\t'),
      '（二）部分公开（区分处理的，只计这一',
      '情形，不计其他情形）\t2\t0\t0\t0\t0\t0\t2',
      '（七）总计\t2\t0\t0\t0\t0\t0\t2',
    ].join('\n');
    const idx = cellIndex(readText(text)[0]!);
    expect(idx.get('t3:partial:naturalPerson')?.value).toBe(2);
  });

  it('joins a label cut in two only when the second half alone fits two rows', () => {
    const text = [
      HEADER.join('\t'),
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关',
      '不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1',
      '不再处理其政府信息公开申请\t5\t0\t0\t0\t0\t0\t5',
    ].join('\n');
    const r = readText(text)[0]!;
    const idx = cellIndex(r);
    expect(idx.get('t3:other.unpaidFee:total')?.value).toBe(1);
    // the second line has no first half before it: it fits （六）1 and （六）2 alike
    expect(r.cells.filter((c) => c.value === 5)).toEqual([]);
    expect(idx.has('t3:other.noCorrection:total')).toBe(false);
  });

  it('F2019 table 二 pasted as TSV: signed 本年增/减, unit inside the procurement cell', () => {
    const text = [
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '规范性文件\t89\t89\t89',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t396\t-185\t181',
      '第二十条第（九）项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t6\t251000元',
    ].join('\n');
    const r = readText(text)[0]!;
    expect(r.format).toBe('2019');
    const idx = cellIndex(r);
    expect(idx.get('t2:normativeDocs:publishedTotal')?.value).toBe(89);
    expect(idx.get('t2:licensing:itemsDelta')?.value).toBe(-185);
    expect(idx.get('t2:licensing:decisions')?.value).toBe(181);
    expect(idx.get('t2:centralProcurement:procurementAmount')).toMatchObject({ value: 251000, unit: '元' });
  });

  it('a TSV row with a blank cell is left unread rather than shifted', () => {
    const text = [HEADER.join('\t'), '（七）总计\t116\t\t0\t0\t0\t5\t121', '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0'].join('\n');
    const r = readText(text)[0]!;
    expect(r.cells.filter((c) => c.row === 'totalProcessed')).toEqual([]);
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'lineValueCount',
        table: 't3',
        params: expect.objectContaining({ label: '（七）总计', count: 6, blank: 1 }),
      }),
    );
    expect(r.cells.filter((c) => c.row === 'carriedForward')).toHaveLength(7);
  });

  it('placeholders in a TSV row are kept as placeholders, not zeros', () => {
    const text = [HEADER.join('\t'), '二、上年结转政府信息公开申请数量\t0\t—\t—\t—\t—\t—\t0'].join('\n');
    const idx = cellIndex(readText(text)[0]!);
    expect(idx.get('t3:carriedOver:commercial')).toMatchObject({ kind: 'placeholder', value: null, raw: '—' });
    expect(idx.get('t3:carriedOver:total')).toMatchObject({ kind: 'number', value: 0 });
  });

  it('t4 transposed to one row per block (行政复议 / 未经复议直接起诉 / 复议后起诉)', () => {
    const text = [
      HEADER.join('\t'),
      ...ROWS.slice(0, 2).map(([l, v]) => [l, ...v].join('\t')),
      '四、政府信息公开行政复议、行政诉讼情况',
      '\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      '行政复议\t1\t4\t1\t0\t6',
      '未经复议直接起诉\t2\t0\t0\t1\t3',
      '复议后起诉\t0\t0\t0\t0\t0',
    ].join('\n');
    const r = readText(text)[0]!;
    expect(r.cells.filter((c) => c.table === 't4').map((c) => `${c.col}=${c.value}`)).toEqual([
      'review.upheld=1',
      'review.corrected=4',
      'review.other=1',
      'review.pending=0',
      'review.total=6',
      'litDirect.upheld=2',
      'litDirect.corrected=0',
      'litDirect.other=0',
      'litDirect.pending=1',
      'litDirect.total=3',
      'litAfterReview.upheld=0',
      'litAfterReview.corrected=0',
      'litAfterReview.other=0',
      'litAfterReview.pending=0',
      'litAfterReview.total=0',
    ]);
  });

  it('a collapsed （六）其他处理 row in a 2021-format table is the group total, not 3.其他', () => {
    const text = ['国办公开办函〔2021〕30号', HEADER.join('\t'), '（六）其他处理\t4\t0\t0\t0\t0\t0\t4'].join('\n');
    const r = readText(text)[0]!;
    const t3 = r.cells.filter((c) => c.table === 't3');
    expect(t3.map((c) => `${c.row}:${c.col}=${c.value}`)).toEqual(
      ['naturalPerson=4', 'commercial=0', 'research=0', 'publicInterest=0', 'legalService=0', 'otherOrg=0', 'total=4'].map((x) => `grp.other:${x}`),
    );
    expect(r.readNotes).toContainEqual(expect.objectContaining({ code: 'groupCollapsed', params: { row: 'grp.other', label: '（六）其他处理', count: 3 } }));
  });

  it('a group heading printed with values beside its sub-rows is a subtotal, kept as an extra row', () => {
    const text = [
      '国办公开办函〔2021〕30号',
      HEADER.join('\t'),
      '（六）其他处理\t4\t0\t0\t0\t0\t0\t4',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t4\t0\t0\t0\t0\t0\t4',
    ].join('\n');
    const r = readText(text)[0]!;
    expect(r.cells.filter((c) => c.table === 't3').map((c) => c.row)).toEqual(Array(7).fill('other.noCorrection'));
    expect(r.extras).toEqual([expect.objectContaining({ table: 't3', label: '（六）其他处理', raw: ['4', '0', '0', '0', '0', '0', '4'] })]);
    expect(r.readNotes.map((n) => n.code)).toContain('groupRowWithValues');
  });
});

describe('bad input: a clear note, never a crash', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t\n '],
    ['prose only', '这是一段与年度报告无关的文字。\n第二行。'],
    ['binary-ish', '\u0000\u0001\ufffd\ufffd|||\t\t,,,'],
  ])('%s', (_name, text) => {
    const reports = readText(text);
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.cells).toEqual([]);
    expect(r.notCheckable.length + r.readNotes.length).toBeGreaterThan(0);
  });

  it('not a string', () => {
    const r = readText(undefined as unknown as string)[0]!;
    expect(r.readNotes.map((n) => n.code)).toEqual(['inputNotText']);
  });
});
