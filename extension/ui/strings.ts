// UI strings. Chinese by default; the language is the user's toggle (storage), not the browser locale.
import type { PdfFailure } from '../lib/pdf-items';

export type Lang = 'zh' | 'en';

const zh = {
  appName: '年报核查',
  panelTitle: '政府信息公开年报核查',
  fail: '不符',
  needsReview: '待核',
  pass: '通过',
  notCheckable: '无法检查',
  none: '无',
  consistent: '勾稽一致',
  next: '下一处',
  prev: '上一处',
  close: '收起面板',
  open: '打开核查面板',
  confirm: '确认有误',
  dismiss: '忽略',
  confirmed: '已确认',
  dismissed: '已忽略',
  language: 'English',
  languageLabel: '切换到英文',
  suggested: '建议值',
  arithmetic: '计算',
  noReport: '本页未找到可核查的统计表。',
  nothingRead: '报告的统计表无法在本页读取',
  comparedWith: '对比的上年报告：',
  notBuilt: '核查引擎未就绪：',
  findingsFor: (n: number) => `${n} 份报告`,
  marker: (n: number, rule: string) => `第 ${n} 处：${rule}`,
  summary: (fail: number, review: number) => `${fail} 处不符 · ${review} 处待核`,
  passed: (n: number) => `${n} 项通过`,
  keysHint: '↑/↓ 或 j/k 选择，Enter 跳转，Esc 关闭提示',
  tableNotCheckable: '无法检查',
  checkPdf: '检查 PDF 附件',
  pdfReading: '正在下载并读取 PDF 附件…',
  pdfDone: (n: number) => `已读取 PDF 附件（${n} 份报告），结果列在上方。`,
  pdfPage: (n: number) => `PDF 第 ${n} 页`,
  pdfFailed: {
    blocked: 'PDF 附件无法下载：它在另一个网站上（浏览器不允许本扩展读取），或网络拒绝了请求。请下载后用命令行工具检查。',
    timeout: 'PDF 附件下载超时，请稍后再试。',
    http: (status: string) => `PDF 附件下载失败（HTTP ${status}）。`,
    notPdf: '链接的文件不是 PDF，无法检查。',
    tooLarge: 'PDF 附件过大（超过 64 MB），未读取。',
    encrypted: 'PDF 已加密（需要密码），无法读取。',
    damaged: 'PDF 文件损坏或不完整，无法读取。',
    noText: '此 PDF 没有文字层（扫描图像），无法读取表格，请先做文字识别（OCR）。',
    noReport: 'PDF 中未找到年报的统计表。',
    unreadable: (detail: string) => `PDF 无法读取${detail ? `（${detail}）` : ''}。`,
  } satisfies Record<PdfFailure, string | ((detail: string) => string)>,
};

export type Strings = typeof zh;

const en: Strings = {
  appName: 'GIDAR check',
  panelTitle: 'Disclosure report check',
  fail: 'Fail',
  needsReview: 'Needs review',
  pass: 'Passed',
  notCheckable: 'Not checkable',
  none: 'none',
  consistent: 'consistent',
  next: 'Next',
  prev: 'Previous',
  close: 'Collapse panel',
  open: 'Open the check panel',
  confirm: 'Confirm error',
  dismiss: 'Dismiss',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  language: '中文',
  languageLabel: 'Switch to Chinese',
  suggested: 'Suggested',
  arithmetic: 'Arithmetic',
  noReport: 'No checkable report table found on this page.',
  nothingRead: 'the report tables cannot be read on this page',
  comparedWith: 'compared with last year\'s report: ',
  notBuilt: 'Checking engine not ready: ',
  findingsFor: (n: number) => `${n} report${n === 1 ? '' : 's'}`,
  marker: (n: number, rule: string) => `Finding ${n}: ${rule}`,
  summary: (fail: number, review: number) => `${fail} failing · ${review} to review`,
  passed: (n: number) => `${n} passed`,
  keysHint: '↑/↓ or j/k to select, Enter to jump, Esc closes the tooltip',
  tableNotCheckable: 'Not checkable',
  checkPdf: 'Check the PDF attachment',
  pdfReading: 'Downloading and reading the PDF attachment…',
  pdfDone: (n: number) => `PDF attachment read (${n} report${n === 1 ? '' : 's'}); its findings are listed above.`,
  pdfPage: (n: number) => `PDF page ${n}`,
  pdfFailed: {
    blocked: 'The PDF attachment cannot be downloaded: it is on another site (the browser does not let the extension read it), or the network refused. Download it and check it with the command line tool.',
    timeout: 'Downloading the PDF attachment timed out; try again later.',
    http: (status: string) => `Downloading the PDF attachment failed (HTTP ${status}).`,
    notPdf: 'The linked file is not a PDF; it cannot be checked.',
    tooLarge: 'The PDF attachment is too large (over 64 MB); not read.',
    encrypted: 'The PDF is encrypted (password-protected); it cannot be read.',
    damaged: 'The PDF is damaged or incomplete; it cannot be read.',
    noText: 'This PDF has no text layer (a scanned image): its tables cannot be read; OCR it first.',
    noReport: 'No report table found in the PDF.',
    unreadable: (detail: string) => `The PDF cannot be read${detail ? ` (${detail})` : ''}.`,
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** A PDF open in the tab itself (checked from the popup): where its failures read differently from an attachment's. */
const PDF_TAB_FAILED: Record<Lang, Partial<Record<PdfFailure, string | ((detail: string) => string)>>> = {
  zh: {
    blocked: '无法下载此 PDF：浏览器未允许本扩展读取它（请点击工具栏上的扩展图标打开本窗口后再试），或网络拒绝了请求。',
    timeout: '此 PDF 下载超时，请稍后再试。',
    http: (status: string) => `此 PDF 下载失败（HTTP ${status}）。`,
    notPdf: '此网址返回的不是 PDF，无法检查。',
    tooLarge: '此 PDF 过大（超过 64 MB），未读取。',
  },
  en: {
    blocked: 'This PDF cannot be downloaded: the browser does not let the extension read it (open this popup from the toolbar button and try again), or the network refused.',
    timeout: 'Downloading this PDF timed out; try again later.',
    http: (status: string) => `Downloading this PDF failed (HTTP ${status}).`,
    notPdf: 'This address does not return a PDF; it cannot be checked.',
    tooLarge: 'This PDF is too large (over 64 MB); not read.',
  },
};

/** One line for a failed PDF check: an attachment of the page, or the PDF open in the tab. */
export function pdfFailedText(lang: Lang, code: PdfFailure, detail: string, where: 'attachment' | 'tab' = 'attachment'): string {
  const m = (where === 'tab' ? PDF_TAB_FAILED[lang][code] : undefined) ?? STRINGS[lang].pdfFailed[code];
  return typeof m === 'function' ? m(detail) : m;
}
