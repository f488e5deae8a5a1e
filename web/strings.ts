// The web page's own strings (the overlay and panel bring theirs: extension/ui/strings.ts). Chinese by default.
import type { Lang } from '../extension/ui/strings';

const zh = {
  title: '政府信息公开年报核查',
  subtitle: '网页版 · 无需安装',
  language: 'English',
  languageLabel: '切换到英文',
  dropTitle: '把年报拖到这里',
  dropHint: '保存的网页（.html）、PDF、文本或 Markdown 文件',
  choose: '选择文件…',
  pasteLabel: '或粘贴报告文字、从网页或 Word/WPS 复制的表格',
  pastePlaceholder: '在此处按 Ctrl+V（或在页面任意处粘贴）',
  privacy: '全部在本机浏览器中处理，不上传任何内容。',
  reading: (name: string) => `正在读取 ${name}…`,
  source: '来源',
  clipboard: '剪贴板',
  agency: '机关',
  year: (y: number) => `${y} 年`,
  tables: (n: number) => `读到 ${n} 张统计表`,
  counts: (fail: number, review: number, pass: number) => `${fail} 项不符 · ${review} 项待核 · ${pass} 项通过`,
  exports: '导出',
  csv: 'CSV（全部单元格）',
  json: 'JSON',
  auditMd: '审计记录（Markdown）',
  auditHtml: '审计记录（HTML）',
  shownFrom: { html: '以下为网页中报告部分的文字与表格（已去除网页的脚本、样式与图片）。', text: '以下表格按文本读取的数值、依国家模板的版式绘制。', pdf: '以下表格按 PDF 文字层读取的数值、依国家模板的版式绘制。' },
  nothingToPaste: '剪贴板里没有文字或表格。',
  failed: '无法读取',
};

export type WebStrings = typeof zh;

const en: WebStrings = {
  title: 'Disclosure report check',
  subtitle: 'web page · nothing to install',
  language: '中文',
  languageLabel: 'Switch to Chinese',
  dropTitle: 'Drop a report here',
  dropHint: 'a saved web page (.html), a PDF, a text or Markdown file',
  choose: 'Choose a file…',
  pasteLabel: 'or paste a report’s text, or a table copied from a page or from Word/WPS',
  pastePlaceholder: 'Press Ctrl+V here (or paste anywhere on the page)',
  privacy: 'Everything is processed in this browser; nothing is uploaded.',
  reading: (name: string) => `Reading ${name}…`,
  source: 'Source',
  clipboard: 'clipboard',
  agency: 'Agency',
  year: (y: number) => `${y}`,
  tables: (n: number) => `${n} statistics table${n === 1 ? '' : 's'} read`,
  counts: (fail: number, review: number, pass: number) => `${fail} failing · ${review} to review · ${pass} passed`,
  exports: 'Export',
  csv: 'CSV (every cell)',
  json: 'JSON',
  auditMd: 'Audit record (Markdown)',
  auditHtml: 'Audit record (HTML)',
  shownFrom: {
    html: 'Below: the text and tables of the report’s part of the page (the page’s scripts, styles and images removed).',
    text: 'Below: the values read from the text, drawn in the national template’s layout.',
    pdf: 'Below: the values read from the PDF’s text layer, drawn in the national template’s layout.',
  },
  nothingToPaste: 'The clipboard holds no text or table.',
  failed: 'Cannot read',
};

export const WEB_STRINGS: Record<Lang, WebStrings> = { zh, en };
