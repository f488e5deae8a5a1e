// Styles of the overlay's shadow root. Colours keep ≥ 4.5:1 contrast for text on their backgrounds.
export const OVERLAY_CSS = `
:host { all: initial; }
/* printed pages reflow: marks drawn for the screen would sit on the wrong cells (!important: beats the host's inline display) */
@media print { :host { display: none !important; } }
* { box-sizing: border-box; }
/* direction survives "all: initial" on the host: a right-to-left page would mirror the panel and scramble its arithmetic */
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; direction: ltr; unicode-bidi: isolate;
  font: 13px/1.45 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1a1a1a; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; }
.mark.suspect { outline: 2.5px solid #c62828; outline-offset: -1px; background: rgba(198, 40, 40, 0.10); }
.mark.review { outline: 2.5px solid #b45309; outline-offset: -1px; background: rgba(180, 83, 9, 0.08); }
.mark.candidate { outline: 2.5px dashed #c62828; outline-offset: -1px; background: rgba(198, 40, 40, 0.10); }
.mark.related { outline: 1.5px solid rgba(198, 40, 40, 0.6); outline-offset: -2px; background: rgba(255, 193, 7, 0.10); }
.mark.blank { outline: 1.5px dashed #8a4b00; outline-offset: -3px; background: repeating-linear-gradient(135deg, rgba(138, 75, 0, 0.10) 0 4px, transparent 4px 8px); }
.mark.dismissed { opacity: 0.3; }
.mark.dim { opacity: 0.25; }
.mark.confirmed { outline-width: 3.5px; }
.mark.flash, .flashbox { animation: flash 1.4s ease-out 1; }
.flashbox { position: absolute; pointer-events: none; outline: 3px solid #1565c0; outline-offset: 1px; border-radius: 2px; }
@keyframes flash { 0%, 40% { box-shadow: 0 0 0 6px rgba(21, 101, 192, 0.55); } 100% { box-shadow: 0 0 0 0 rgba(21, 101, 192, 0); } }
.marker { position: absolute; pointer-events: auto; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
  border: 1.5px solid #fff; background: #c62828; color: #fff; font: bold 12px/17px system-ui, sans-serif; text-align: center;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,0.35); }
.marker.review { background: #b45309; }
.marker.dismissed { background: #616161; }
.marker:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
.badge { position: absolute; pointer-events: none; padding: 1px 8px; border-radius: 10px; background: #e8f5e9; color: #1b5e20;
  border: 1px solid #2e7d32; font-size: 12px; white-space: nowrap; }
.tooltip { position: absolute; pointer-events: auto; z-index: 3; width: max-content; max-width: 440px; min-width: 240px; padding: 10px 12px; border-radius: 6px;
  background: #fff; color: #1a1a1a; border: 1px solid #9e9e9e; box-shadow: 0 4px 16px rgba(0,0,0,0.25); }
.tooltip .head { font-weight: bold; margin-bottom: 4px; }
.tooltip .rule { font: 12px ui-monospace, monospace; color: #424242; }
.tooltip .arith { font: 12.5px ui-monospace, "Noto Sans Mono CJK SC", monospace; background: #f5f5f5; padding: 4px 6px; margin: 6px 0; border-radius: 4px; word-break: break-all; }
.tooltip .sugg { color: #8e0000; font-weight: bold; }
.status-fail { color: #b71c1c; } .status-needsReview { color: #8a4b00; } .status-pass { color: #1b5e20; } .status-notCheckable { color: #424242; }
.panel { position: fixed; right: 12px; bottom: 12px; z-index: 2; width: 380px; max-width: calc(100vw - 24px); max-height: 72vh;
  display: flex; flex-direction: column; pointer-events: auto; background: #fff; color: #1a1a1a; border: 1px solid #757575;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,0.3); }
.panel header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid #e0e0e0; background: #fafafa; border-radius: 8px 8px 0 0; }
.panel header h2 { flex: 1; margin: 0; font-size: 14px; }
.panel .summary { padding: 6px 10px; font-size: 12.5px; border-bottom: 1px solid #eee; }
.panel .list { overflow: auto; padding: 4px 0 8px; }
.panel h3 { margin: 8px 10px 4px; font-size: 13px; }
.panel ul { list-style: none; margin: 0; padding: 0; }
/* rows scrolled out of the list are not laid out (a sparse table lists a hundred findings); the size they last had holds their place */
.panel li { margin: 0; padding: 0; border-top: 1px solid #f0f0f0; content-visibility: auto; contain-intrinsic-size: auto 64px; }
.panel .item { display: block; width: 100%; text-align: left; padding: 6px 10px; border: 0; background: transparent; color: inherit; font: inherit; cursor: pointer; }
.panel .item:hover { background: #f3f6fb; }
.panel li.selected > .item { background: #e3f2fd; }
.panel .item:focus-visible { outline: 3px solid #1565c0; outline-offset: -3px; }
.panel .num { display: inline-block; min-width: 20px; padding: 0 4px; margin-right: 6px; border-radius: 9px; background: #c62828; color: #fff; text-align: center; font-size: 11.5px; font-weight: bold; }
.panel .num.review { background: #b45309; }
.panel .rid { font: 11.5px ui-monospace, monospace; color: #424242; margin-left: 4px; }
.panel .msg { display: block; margin-top: 2px; }
.panel .arith { display: block; font: 12px ui-monospace, monospace; color: #333; word-break: break-all; }
.panel .sugg { display: block; color: #8e0000; }
.panel .link { display: block; margin-top: 2px; color: #0d47a1; font-size: 12px; word-break: break-all; }
.panel li > .link.prev { padding: 0 10px 6px 36px; }
.panel .link:focus-visible { outline: 3px solid #1565c0; outline-offset: 1px; }
.panel li > .link.pdf-page { padding: 0 10px 6px 36px; }
.panel .pdf-check { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 0 10px 8px; font-size: 12.5px; }
.panel .pdf-check .btn { font-weight: bold; border-color: #0d47a1; color: #0d47a1; }
.panel .pdf-check .btn[disabled] { opacity: 0.6; cursor: progress; }
.panel .pdf-msg.err { color: #b71c1c; }
.panel .acts { display: flex; gap: 6px; padding: 0 10px 6px 36px; }
.panel details > summary { cursor: pointer; margin: 8px 10px 4px; font-weight: bold; font-size: 13px; }
.btn { font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 4px; border: 1px solid #757575; background: #fff; color: #1a1a1a; cursor: pointer; }
.btn:hover { background: #f0f0f0; }
.btn[aria-pressed="true"] { background: #263238; color: #fff; border-color: #263238; }
.btn:focus-visible { outline: 3px solid #1565c0; outline-offset: 1px; }
.pill { position: fixed; right: 12px; bottom: 12px; z-index: 2; pointer-events: auto; padding: 6px 12px; border-radius: 18px; border: 1px solid #757575;
  background: #fff; color: #1a1a1a; font: 13px/1.3 "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,0.25); }
.panel.left, .pill.left { right: auto; left: 12px; }
.pill .dot { display: inline-block; width: 9px; height: 9px; border-radius: 5px; margin-right: 6px; background: #2e7d32; }
.pill .dot.bad { background: #c62828; }
.pill:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
.note { padding: 8px 10px; color: #424242; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
