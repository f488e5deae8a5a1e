// The lazily loaded half of the content script (see content.ts and background.ts).
import { startAnnotator } from '@/lib/annotator';

export default defineUnlistedScript(() => {
  startAnnotator();
});
