// The one place the extension reaches into core/ for reading and checking; it reimplements neither.
export { readScanned, scanPage } from '../../core/read/dom';
export { checkInTwoPasses, checkPair, checkReport, sortFindings } from '../../core/check';
export { joinYearFindings } from '../../core/years';
