// Draws the extension's icons as SVG and rasterizes them with headless Chromium:
//   extension/public/icon/<size>.png        the toolbar and store icon (a report table with a check mark)
//   extension/public/icon/error/<size>.png  the "errors found" variant the background sets on a tab (a red "!" mark)
// at 16, 32, 48 and 128 px. Run `npm run icons` after changing a drawing; the PNGs are committed.
// 16 and 32 px get a drawing of their own on a 16-unit pixel grid (crisp 1-px lines); 48 and 128 px the detailed one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const SIZES = [16, 32, 48, 128] as const;
export type Variant = 'ok' | 'error';

const BLUE = '#0d47a1'; // the popup's primary colour
const GREEN = '#2e7d32';
const RED = '#c62828';

/** The mark in the top-right corner: a check in a green disc, or "!" in a red disc. */
function mark(variant: Variant, cx: number, cy: number, r: number, ring: number, line: number): string {
  const disc = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${variant === 'ok' ? GREEN : RED}" stroke="#fff" stroke-width="${ring}"/>`;
  if (variant === 'ok') {
    const s = r * 0.5;
    return `${disc}<path d="M${cx - s} ${cy + s * 0.05} L${cx - s * 0.25} ${cy + s * 0.75} L${cx + s * 1.05} ${cy - s * 0.7}" fill="none" stroke="#fff" stroke-width="${line}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
  return `${disc}<path d="M${cx} ${cy - r * 0.52} V${cy + r * 0.12}" stroke="#fff" stroke-width="${line}" stroke-linecap="round"/><circle cx="${cx}" cy="${cy + r * 0.5}" r="${line * 0.62}" fill="#fff"/>`;
}

/** 48 and 128 px: a table with a shaded header row and first column, three by three cells, on a blue tile. */
function large(variant: Variant): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="${BLUE}"/>
  <rect x="16" y="34" width="82" height="78" rx="5" fill="#fff"/>
  <path d="M16 39 a5 5 0 0 1 5 -5 h72 a5 5 0 0 1 5 5 v14 h-82 z" fill="#90caf9"/>
  <path d="M16 53 H98 M16 72 H98 M16 91 H98 M41 34 V112 M70 34 V112" stroke="${BLUE}" stroke-width="4"/>
  ${mark(variant, 96, 36, 25, 6, 8)}
</svg>`;
}

/** 16 and 32 px: the same table on a 16-unit grid (two rows, two columns, 1-unit lines), the mark a 7-unit disc. */
function small(variant: Variant): string {
  const m =
    variant === 'ok'
      ? `<circle cx="12" cy="4" r="3.6" fill="${GREEN}" stroke="#fff" stroke-width="0.9"/><path d="M10.3 4.1 L11.5 5.3 L13.7 2.9" fill="none" stroke="#fff" stroke-width="1.1" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<circle cx="12" cy="4" r="3.6" fill="${RED}" stroke="#fff" stroke-width="0.9"/><path d="M12 2.1 V4.4" stroke="#fff" stroke-width="1.2" stroke-linecap="round"/><circle cx="12" cy="6.05" r="0.65" fill="#fff"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" shape-rendering="crispEdges">
  <rect x="0" y="0" width="16" height="16" rx="3" fill="${BLUE}" shape-rendering="geometricPrecision"/>
  <rect x="2" y="5" width="10" height="9" fill="#fff"/>
  <rect x="2" y="5" width="10" height="2" fill="#90caf9"/>
  <rect x="2" y="7" width="10" height="1" fill="${BLUE}"/>
  <rect x="2" y="10" width="10" height="1" fill="${BLUE}"/>
  <rect x="5" y="5" width="1" height="9" fill="${BLUE}"/>
  <rect x="8" y="5" width="1" height="9" fill="${BLUE}"/>
  <g shape-rendering="geometricPrecision">${m}</g>
</svg>`;
}

export function iconSvg(size: number, variant: Variant): string {
  return size <= 32 ? small(variant) : large(variant);
}

export function iconPath(size: number, variant: Variant): string {
  return variant === 'ok' ? `icon/${size}.png` : `icon/error/${size}.png`;
}

async function main(): Promise<void> {
  const out = resolve(import.meta.dirname, '../extension/public');
  const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const variant of ['ok', 'error'] as const) {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        const svg = iconSvg(size, variant).replace('<svg ', `<svg width="${size}" height="${size}" `);
        await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
        const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        const file = join(out, iconPath(size, variant));
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, png);
        console.log(`${iconPath(size, variant)}  ${png.length} B`);
      }
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
